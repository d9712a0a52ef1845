#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace hm::app {

// Labels and help for the built-in components' configuration fields, in
// the current language. Their schemas (core/engine) name a field as the
// JSON does — "timeout_s", "failOnHttpError" — which is no label for a
// form; registered components bring titles of their own, and a title a
// schema has is kept.
class BuiltinConfigText
{
    Q_DECLARE_TR_FUNCTIONS(BuiltinConfigText)

public:
    // `schema` with a title (and a description, where one says more) on
    // each top-level property of the built-in `component` that has none.
    static QJsonObject withTexts(const QString &component, QJsonObject schema);
};

} // namespace hm::app
