from .tag_cloud import register

__all__ = ["register"]
