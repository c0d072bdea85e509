# Browser tests (testenv/browser) drive Debian's Chromium through playwright-core;
# no test tool downloads a browser of its own. This installs the distribution's
# package once (as root, as CI runs); with /usr/bin/chromium present it does nothing.
# The same variable as the test reads (testenv/browser/test/browser.test.ts).
OVC_CHROMIUM ?= /usr/bin/chromium

.PHONY: browser-deps
browser-deps: ## install Debian's chromium for the browser tests (no-op if present)
	@if [ -x "$(OVC_CHROMIUM)" ]; then \
	  echo "browser-deps: $(OVC_CHROMIUM) present"; \
	elif [ "$$(id -u)" != 0 ]; then \
	  echo "browser-deps: $(OVC_CHROMIUM) is missing; as root: apt-get install -y --no-install-recommends chromium" >&2; exit 1; \
	else \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; \
	fi
