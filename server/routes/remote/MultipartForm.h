#pragma once

// multipart/form-data bodies (RFC 7578) for seed 002's file upload: the
// parts, each with its field name, file name and bytes. Only what a
// browser or curl sends: a boundary parameter, CRLF line ends, a
// Content-Disposition "form-data" header per part. The body is already
// bounded by the route's body limit; at most kMaxMultipartParts parts.

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hm::server {

inline constexpr int kMaxMultipartParts = 16;

struct MultipartPart
{
    QString name;     // the form field
    QString fileName; // empty when the part is not a file
    QByteArray body;
};

// VALIDATION_ERROR (details.field "body") for anything else than a
// well-formed multipart/form-data body with the boundary of `contentType`.
Result<QList<MultipartPart>> parseMultipartForm(const QByteArray &contentType,
                                                const QByteArray &body);

} // namespace hm::server
