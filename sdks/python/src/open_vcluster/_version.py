# Written by scripts/sync-versions.mjs from the changesets release group: do
# not edit by hand (scripts/check-versions.mjs fails when it drifts).
__version__ = "0.1.0"
