#pragma once

// Owning handles for libssh objects, shared by the SSH credential checks
// (one definition: the unity builds put their files in one translation unit).

#include <libssh/libssh.h>
#include <memory>
#include <type_traits>

namespace hm::server::credentials {

struct SshKeyDeleter
{
    void operator()(ssh_key key) const { ssh_key_free(key); }
};
struct SshSessionDeleter
{
    void operator()(ssh_session session) const
    {
        ssh_disconnect(session);
        ssh_free(session);
    }
};

using SshKeyHandle = std::unique_ptr<std::remove_pointer_t<ssh_key>, SshKeyDeleter>;
using SshSessionHandle = std::unique_ptr<std::remove_pointer_t<ssh_session>, SshSessionDeleter>;

} // namespace hm::server::credentials
