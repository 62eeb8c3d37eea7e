from .handbooks import register

__all__ = ["register"]
