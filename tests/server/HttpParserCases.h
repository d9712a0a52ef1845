#pragma once

// RFC 9112 and request-smuggling vectors for TestHttpParser, parser
// neutral: bytes in, the expected outcome as text out, so that the same
// table can be replayed against another parser (see the .cpp for the
// outcome format).

#include <QByteArray>
#include <QStringList>
#include <vector>

namespace hm::test {

struct ParserVector
{
    const char *name;
    QByteArray bytes;
    // One entry per parsed request, in order:
    //   "<method> <target>[ path=<path>] <keep-alive|close>[ body=<body>]"
    // (path= when the routing path differs from the target; the body with
    // control characters as \xNN), then at most one of
    //   "error <status> <CODE>"  the parser refused what followed
    //   "incomplete"             bytes of a further request are pending
    QStringList expected;
};

std::vector<ParserVector> httpParserVectors();

} // namespace hm::test
