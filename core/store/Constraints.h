#pragma once

// What a failed write tells a repository about the schema's constraints,
// without sqlite's result codes leaking into the server (store/SqliteError).

#include "common/Error.h"

namespace hm::store {

// True for a UNIQUE or PRIMARY KEY violation (a row that exists already),
// as Database::execute() reports it.
bool isUniqueViolation(const Error &error);

} // namespace hm::store
