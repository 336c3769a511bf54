; Inno Setup 6 script for BoneMet Workstation (per-user install of the PyInstaller onedir build).
; Build: iscc packaging\windows\bonemet.iss   (after pyinstaller packaging\bonemet.spec)
#define AppName "BoneMet Workstation"
#define AppVersion "0.1.0"
#define AppExe "bonemet.exe"

[Setup]
AppId={{6F3B2C7E-7D0A-4C55-9E63-2E0B5B1C9A41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=BoneMet Workstation developers
DefaultDirName={localappdata}\Programs\BoneMet Workstation
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=BoneMet-Workstation-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\{#AppExe}
; the registry, settings and logs live in %LOCALAPPDATA%\BoneMet and are never removed here

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\..\dist\bonemet\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{#AppName} (demo registry)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent
