#pragma once

// What may name a container or a compose project in a Docker request
// (issue 38 item 6). Both the server (defence in depth) and the agent check
// every name before it reaches a Docker Engine URL path, so that no
// request can step outside /containers/{ref} ("../", "%2e%2e", "/", "?"):
//   container id     ^[a-f0-9]{12,64}$
//   container name   ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$   (Docker's own rule, bounded)
//   compose project  ^[a-z0-9][a-z0-9_-]{0,62}$           (what compose accepts)
// Anything else is VALIDATION_ERROR with the field named.

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace hm::fleet {

bool isDockerContainerId(const QString &text);
bool isDockerContainerName(const QString &text);
bool isComposeProjectName(const QString &text);

// A container id or name, as given; VALIDATION_ERROR (details.field
// `field`) otherwise.
Result<QString> dockerContainerRef(const QString &text,
                                   const QString &field = QStringLiteral("container"));
Result<QString> composeProjectName(const QString &text,
                                   const QString &field = QStringLiteral("project"));

// `text` percent-encoded for one URL path segment (everything but
// unreserved characters): the names above need none, it is done anyway.
QByteArray dockerPathSegment(const QString &text);

} // namespace hm::fleet
