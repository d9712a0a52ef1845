#pragma once

// The body of seed 002's multipart file upload (fields `path` and `file`),
// for the tests that post one (TestRemoteFiles, TestStreamRevocation).

#include <QByteArray>
#include <QString>

namespace hm::test {

inline QByteArray uploadForm(const QByteArray &boundary, const QString &path,
                             const QByteArray &fileName, const QByteArray &payload)
{
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\n" +
           path.toUtf8() + "\r\n--" + boundary +
           "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName +
           "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + payload + "\r\n--" + boundary +
           "--\r\n";
}

} // namespace hm::test
