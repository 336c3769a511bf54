"""Printed documents (reportlab): care plans and MDT packs. Pure: DTO in, PDF bytes out."""
