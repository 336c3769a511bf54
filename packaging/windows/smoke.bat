@echo off
rem Smoke-run a Windows build: packaging\windows\smoke.bat dist\bonemet\bonemet.exe
setlocal
set EXE=%~f1
set WORK=%TEMP%\bonemet-smoke-%RANDOM%
mkdir "%WORK%" && cd /d "%WORK%"
"%EXE%" --version || exit /b 1
"%EXE%" demo --db demo.sqlite --patients 20 || exit /b 1
"%EXE%" assess --db demo.sqlite --mrn BM-000001 --format json > assess.json || exit /b 1
"%EXE%" careplan --db demo.sqlite --mrn BM-000001 --lang zh --out plan.pdf || exit /b 1
echo smoke: all passed
