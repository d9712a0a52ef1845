#pragma once

// Flow definitions and the create-and-publish step shared by the server's
// flow, trigger, sharing and WebSocket tests.

#include "AuthTestSupport.h"

#include <QJsonArray>

namespace hm::test {

inline QJsonObject flowNode(const QString &id, const QString &component,
                            const QJsonObject &inputs = {}, const QJsonObject &config = {})
{
    return {{"id", id},           {"component", component},
            {"version", "1.0.0"}, {"position", QJsonObject{{"x", 0}, {"y", 0}}},
            {"config", config},   {"inputMappings", inputs}};
}

inline QJsonObject flowEdge(const QString &source, const QString &target)
{
    return {{"id", source + "-" + target}, {"source", source}, {"target", target}};
}

inline QJsonObject flowDefinition(const QJsonArray &nodes, const QJsonArray &edges = {})
{
    return {{"schemaVersion", 1}, {"nodes", nodes}, {"edges", edges}};
}

// One delay node "wait" of `ms`; the default outlasts any test.
inline QJsonObject delayFlow(int ms = 600000)
{
    return flowDefinition({flowNode("wait", "delay", {}, {{"ms", ms}})});
}

inline QJsonObject concurrency(const QString &mode, int maxInstances = 1)
{
    return {{"concurrency", QJsonObject{{"mode", mode}, {"maxInstances", maxInstances}}}};
}

// Creates a flow named `name` and publishes version 1; returns its id, or
// an empty string (with the answers in `why`) when either step failed.
inline QString createPublishedFlow(Http &http, const QString &token, const QString &name,
                                   const QJsonObject &definition, const QJsonObject &settings = {},
                                   QString *why = nullptr)
{
    const Answer created =
        http.json("POST", "/api/v1/flows",
                  {{"name", name}, {"definition", definition}, {"settings", settings}}, token);
    if (created.status != 201) {
        if (why)
            *why = QString::fromUtf8(created.raw);
        return {};
    }
    const QString id = created.data().value("id").toString();
    const Answer published =
        http.json("POST", "/api/v1/flows/" + id + "/publish", {{"version", "1"}}, token);
    if (published.status != 200) {
        if (why)
            *why = QString::fromUtf8(published.raw);
        return {};
    }
    return id;
}

// POST /flows/{id}/trigger`query` with {"inputs": inputs}.
inline Answer triggerFlow(Http &http, const QString &token, const QString &flowId,
                          const QJsonObject &inputs = {}, const QString &query = {})
{
    return http.json("POST", "/api/v1/flows/" + flowId + "/trigger" + query, {{"inputs", inputs}},
                     token);
}

// The status GET /executions/{id}/status reports (empty when it fails).
inline QString executionStatus(Http &http, const QString &token, const QString &executionId)
{
    return http.get("/api/v1/executions/" + executionId + "/status", token)
        .data()
        .value("status")
        .toString();
}

} // namespace hm::test
