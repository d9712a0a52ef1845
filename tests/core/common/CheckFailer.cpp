// Child process of TestCheck: one failing HM_CHECK, then "recovered" on
// stdout and exit code 3. With fatal checks on it never gets that far.
#include "common/Check.h"

#include <cstdio>

namespace {

int guarded(const int *value)
{
    HM_CHECK(value != nullptr, return 3);
    return *value;
}

} // namespace

int main()
{
    const int code = guarded(nullptr);
    std::printf("recovered\n");
    return code;
}
