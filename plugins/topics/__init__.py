from .topics import register

__all__ = ["register"]
