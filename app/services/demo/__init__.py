"""The demo registry: deterministic synthetic lung-cancer bone-metastasis patients.

:mod:`.generator` builds the cases (pure Python); :mod:`.mdt` the MDT meetings;
:mod:`.loader` bulk-writes them into a registry database (:mod:`.producer` can generate in
worker processes).
"""

from app.services.demo.generator import DemoPatient, generate_cases
from app.services.demo.loader import (
    DemoLoadResult,
    DemoRegistryNotEmpty,
    ensure_demo_registry,
    write_demo_registry,
)

__all__ = [
    "DemoLoadResult", "DemoPatient", "DemoRegistryNotEmpty", "ensure_demo_registry",
    "generate_cases", "write_demo_registry",
]
