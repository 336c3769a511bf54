"""The demo registry: deterministic synthetic lung-cancer bone-metastasis patients.

:mod:`.generator` builds the cases (pure Python); :mod:`.mdt` the MDT meetings;
:mod:`.loader` bulk-writes them into a registry database.
"""
