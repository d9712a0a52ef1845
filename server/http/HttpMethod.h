#pragma once

#include <QtGlobal>

namespace hm::server::http {

// The request methods the route table knows. One bit each (the router keeps
// one table per bit); the values are QHttpServerRequest::Method's, which the
// route table used before, so nothing that stored or compared them changed.
// Methods the parser does not know are Unknown.
enum class Method : quint32 {
    Unknown = 0x0000,
    Get = 0x0001,
    Put = 0x0002,
    Delete = 0x0004,
    Post = 0x0008,
    Head = 0x0010,
    Options = 0x0020,
    Patch = 0x0040,
    Connect = 0x0080,
    Trace = 0x0100,
};

} // namespace hm::server::http
