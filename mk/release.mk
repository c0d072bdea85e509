# A release rehearsal on a throwaway worktree (scripts/release-dry-run.sh):
# changeset version, every npm package through `npm publish --dry-run`, the
# Python wheel and sdist through `twine check`, the Go tag, one version for all.
# Not in `make test`: it builds everything again (about two minutes).
.PHONY: release-dry-run

release-dry-run: install venv ## rehearse a release on a temp worktree; fail unless every artefact has one version
	VENV="$(VENV)" scripts/release-dry-run.sh
