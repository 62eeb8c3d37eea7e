"""The handbooks plugin. ``register`` imports the generator (and Pelican with it) only when Pelican calls it:
the content check imports ``handbooks.model``'s pure rules for a folder without loading a build."""


def register() -> None:
    from .handbooks import register as register_generator

    register_generator()


__all__ = ["register"]
