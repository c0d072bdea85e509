# Browser tests (testenv/browser) drive Debian's Chromium through playwright-core;
# no test tool downloads a browser of its own. This installs the distribution's
# package once (as root, as CI runs); with /usr/bin/chromium present it does nothing.
CHROMIUM ?= /usr/bin/chromium

.PHONY: browser-deps
browser-deps: ## install Debian's chromium for the browser tests (no-op if present)
	@if [ -x "$(CHROMIUM)" ]; then \
	  echo "browser-deps: $(CHROMIUM) present"; \
	else \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; \
	fi
