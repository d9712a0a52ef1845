#include "server/routes/remote/MultipartForm.h"

#include <QJsonObject>

namespace hm::server {

namespace {

Error multipartError(const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("field"), QStringLiteral("body")}}};
}

// A parameter of a header value ("name=value" or name="value" after ';'),
// case-insensitive name; quoted values may hold escaped characters.
// Returns false when absent.
bool multipartParameter(const QByteArray &header, const QByteArray &name, QByteArray *value)
{
    qsizetype at = header.indexOf(';');
    while (at >= 0 && at < header.size()) {
        qsizetype start = at + 1;
        while (start < header.size() && (header.at(start) == ' ' || header.at(start) == '\t'))
            ++start;
        const qsizetype equals = header.indexOf('=', start);
        if (equals < 0)
            return false;
        const QByteArray key = header.mid(start, equals - start).trimmed().toLower();
        qsizetype pos = equals + 1;
        QByteArray parsed;
        if (pos < header.size() && header.at(pos) == '"') {
            ++pos;
            while (pos < header.size() && header.at(pos) != '"') {
                if (header.at(pos) == '\\' && pos + 1 < header.size())
                    ++pos;
                parsed.append(header.at(pos));
                ++pos;
            }
            ++pos; // the closing quote
            at = header.indexOf(';', pos);
        } else {
            const qsizetype end = header.indexOf(';', pos);
            parsed = header.mid(pos, end < 0 ? -1 : end - pos).trimmed();
            at = end;
        }
        if (key == name) {
            *value = parsed;
            return true;
        }
    }
    return false;
}

} // namespace

Result<QList<MultipartPart>> parseMultipartForm(const QByteArray &contentType,
                                                const QByteArray &body)
{
    const QByteArray type = contentType.left(contentType.indexOf(';')).trimmed().toLower();
    if (type != "multipart/form-data")
        return multipartError(QStringLiteral("the body must be multipart/form-data"));
    QByteArray boundary;
    if (!multipartParameter(contentType, "boundary", &boundary) || boundary.isEmpty() ||
        boundary.size() > 70)
        return multipartError(QStringLiteral("multipart/form-data needs a boundary of 1 to 70 "
                                             "characters"));
    const QByteArray delimiter = QByteArray("--") + boundary;
    const QByteArray nextDelimiter = QByteArray("\r\n") + delimiter;
    // The first delimiter opens the body, or follows a preamble and CRLF.
    qsizetype pos = body.startsWith(delimiter) ? 0 : body.indexOf(nextDelimiter);
    if (pos < 0)
        return multipartError(QStringLiteral("the body holds no part"));
    if (pos > 0)
        pos += 2;
    QList<MultipartPart> parts;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return parts; // the closing delimiter; an epilogue is ignored
        if (body.mid(pos, 2) != "\r\n")
            return multipartError(QStringLiteral("malformed multipart delimiter line"));
        pos += 2;
        if (parts.size() == kMaxMultipartParts)
            return multipartError(
                QStringLiteral("at most %1 parts in a form").arg(kMaxMultipartParts));
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", pos);
        // A part without headers starts with the blank line right away.
        const bool noHeaders = body.mid(pos, 2) == "\r\n";
        if (headersEnd < 0 && !noHeaders)
            return multipartError(QStringLiteral("a part's headers do not end"));
        const qsizetype contentStart = noHeaders ? pos + 2 : headersEnd + 4;
        const QList<QByteArray> headers =
            noHeaders ? QList<QByteArray>() : body.mid(pos, headersEnd - pos).split('\n');
        const qsizetype contentEnd = body.indexOf(nextDelimiter, contentStart);
        if (contentEnd < 0)
            return multipartError(QStringLiteral("a part does not end with the boundary"));
        MultipartPart part;
        bool formData = false;
        for (const QByteArray &line : headers) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0 || line.left(colon).trimmed().toLower() != "content-disposition")
                continue;
            const QByteArray value = line.mid(colon + 1).trimmed();
            formData = value.left(value.indexOf(';')).trimmed().toLower() == "form-data";
            QByteArray name;
            QByteArray fileName;
            if (multipartParameter(value, "name", &name))
                part.name = QString::fromUtf8(name);
            if (multipartParameter(value, "filename", &fileName))
                part.fileName = QString::fromUtf8(fileName);
        }
        if (!formData || part.name.isEmpty())
            return multipartError(
                QStringLiteral("every part needs Content-Disposition: form-data with a name"));
        part.body = body.mid(contentStart, contentEnd - contentStart);
        parts.append(std::move(part));
        pos = contentEnd + 2;
    }
}

} // namespace hm::server
