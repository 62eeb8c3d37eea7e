"""Migration of legacy blog dumps into Pelican Markdown (see scripts/migrate.py)."""
