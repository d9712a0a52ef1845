#pragma once

// The credential tests' HTTP peer is the shared one (tests/support).
#include "RecordingHttpPeer.h"
