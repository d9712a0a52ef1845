#pragma once

#include "common/Result.h"
#include "widgets/DateTimeText.h" // dateTimeText(), which the flows panels use

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace hm::app {

// What the Flows section says about a failed call, in the user's language:
// a sentence for each code an operator meets there (flows, versions,
// shares, webhooks, the connection), the server's own (English) message
// only for codes the console has no words for.
QString describeFlowError(const hm::Error &error);

// True for the server's answer to a save based on a version that is no
// longer the latest (409 CONFLICT), whatever this build's catalogue knows.
bool isVersionConflict(const hm::Error &error);

// One problem of an INVALID_FLOW_DEFINITION answer ({code, message, node?,
// edge?, ...}) in words, and all of an error's problems (empty when it has
// none).
QString describeFlowProblem(const QJsonObject &problem);
QStringList describeFlowProblems(const hm::Error &error);

// A share permission ("view", "edit", "admin", "owner") in words.
QString permissionText(const QString &permission);
// A flow version status ("draft", "published", "deprecated") and an
// execution status ("running", "completed", ...) in words.
QString versionStatusText(const QString &status);
QString executionStatusText(const QString &status);

} // namespace hm::app
