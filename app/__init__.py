"""BoneMet Workstation (骨转移诊疗工作站): the clinician's cockpit for lung cancer bone metastases.

Layers (dependencies point down only, enforced by import-linter in ``pyproject.toml``):
``ui`` > ``reports`` > ``interop`` > ``services`` > ``data`` > ``domain``.
"""

__version__ = "0.1.0"
