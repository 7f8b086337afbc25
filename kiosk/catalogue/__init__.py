"""The service catalogue: built from assets/ into catalogue.db, then read by the kiosk."""

from kiosk.catalogue.store import Catalogue, Group, Material, Scenario, Service

__all__ = ["Catalogue", "Group", "Material", "Scenario", "Service"]
