from .fixed_urls import register

__all__ = ["register"]
