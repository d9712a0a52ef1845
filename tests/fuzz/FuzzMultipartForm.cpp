// multipart/form-data bodies (server/routes/remote/MultipartForm), what
// seed 002's file upload route reads from any authenticated caller. Input:
// the Content-Type header value, a newline, then the body. Oracles:
// - every refusal is VALIDATION_ERROR with details.field "body";
// - an accepted form has at most kMaxMultipartParts parts (none when the
//   body opens with its closing delimiter), each with a name, and each
//   part's bytes are a piece of the body;
// - stability: the parts written again as a browser would (same boundary,
//   quoted and escaped parameters) parse to the same parts.

#include "FuzzCheck.h"
#include "server/routes/remote/MultipartForm.h"

using namespace hm;
using namespace hm::server;

namespace {

QByteArray quoted(const QString &text)
{
    QByteArray out = "\"";
    for (const char c : text.toUtf8()) {
        if (c == '"' || c == '\\')
            out.append('\\');
        out.append(c);
    }
    return out + '"';
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    if (newline < 0)
        return 0;
    const QByteArray contentType = input.left(newline);
    const QByteArray body = input.mid(newline + 1);
    auto parsed = parseMultipartForm(contentType, body);
    if (!parsed) {
        HM_FUZZ_CHECK(parsed.error().code == ErrorCode::ValidationError, "unexpected error code");
        HM_FUZZ_CHECK(parsed.error().details.value(QStringLiteral("field")).toString()
                          == QStringLiteral("body"),
                      "refusal without details.field body");
        return 0;
    }
    const QList<MultipartPart> &parts = parsed.value();
    HM_FUZZ_CHECK(parts.size() <= kMaxMultipartParts, "too many parts");

    for (const MultipartPart &part : parts) {
        HM_FUZZ_CHECK(!part.name.isEmpty(), "a part without a name");
        HM_FUZZ_CHECK(part.body.isEmpty() || body.contains(part.body),
                      "a part's bytes are not from the body");
    }
    // Rebuilt with a boundary that no part's bytes can hold: parsed again,
    // the same parts.
    QByteArray form;
    QByteArray boundary = "hmFuzzBoundary";
    for (int n = 0;; ++n) {
        bool clash = false;
        for (const MultipartPart &part : parts)
            clash = clash || part.body.contains(boundary);
        if (!clash)
            break;
        boundary = "hmFuzzBoundary" + QByteArray::number(n);
    }
    for (const MultipartPart &part : parts) {
        form += "--" + boundary + "\r\nContent-Disposition: form-data; name=" + quoted(part.name);
        if (!part.fileName.isEmpty())
            form += "; filename=" + quoted(part.fileName);
        form += "\r\nContent-Type: application/octet-stream\r\n\r\n" + part.body + "\r\n";
    }
    form += "--" + boundary + "--\r\n";
    auto reparsed = parseMultipartForm("multipart/form-data; boundary=" + boundary, form);
    HM_FUZZ_CHECK(reparsed.ok(), "the parts written again are refused");
    HM_FUZZ_CHECK(reparsed.value().size() == parts.size(), "the parts written again differ in number");
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const MultipartPart &a = parts.at(i);
        const MultipartPart &b = reparsed.value().at(i);
        HM_FUZZ_CHECK(a.name == b.name && a.fileName == b.fileName && a.body == b.body,
                      "a part written again reads differently");
    }
    return 0;
}
