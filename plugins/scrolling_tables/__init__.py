from .scrolling_tables import register

__all__ = ["register"]
