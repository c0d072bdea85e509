// Copyright 2026 The open-vcluster-api Authors
// SPDX-License-Identifier: Apache-2.0

package openvcluster

// Version is the version of this SDK. It is the version of the whole
// open-vcluster-api release (the changesets group of the TypeScript, Python
// and Go SDKs) and is written by scripts/sync-versions.mjs: do not edit it by
// hand.
const Version = "0.1.0"
