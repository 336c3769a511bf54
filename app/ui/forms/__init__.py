"""Entry and correction forms for every kind of chart record."""
