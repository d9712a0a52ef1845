#pragma once

// What the console's execution tests share: a real hivemind-server (the
// server tests' fixture), the console's ApiClient signed in as its
// administrator, flows made through the API, and HeldHttp for nodes that
// wait until the test lets them go.

#include "../server/FlowTestSupport.h"
#include "HeldHttp.h"
#include "client/ApiClient.h"

#include <QJsonArray>
#include <QTest>

namespace hm::test {

// Signs the console's client in as the administrator; empty on success.
inline QString signIn(hm::client::ApiClient &client, const QUrl &url)
{
    client.setBaseUrl(url);
    bool done = false;
    QString problem;
    client.login(kAdmin, kAdminPassword, [&](Result<hm::client::LoginResult> r) {
        if (!r)
            problem = r.error().toString();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        return QStringLiteral("no answer to the login");
    return problem;
}

// An http-request node calling trigger input `input` (a HeldHttp's URL).
inline QJsonObject heldNode(const QString &id, const QString &input)
{
    return flowNode(id, QStringLiteral("http-request"), {{"url", "$.trigger." + input}});
}

inline QJsonObject delayNode(const QString &id, int ms)
{
    return flowNode(id, QStringLiteral("delay"), {}, {{"ms", ms}});
}

// POST /flows/{id}/trigger; the new execution's id, empty when refused.
inline QString startExecution(Http &http, const QString &token, const QString &flowId,
                              const QJsonObject &inputs = {})
{
    const Answer a = triggerFlow(http, token, flowId, inputs);
    return a.status == 200 || a.status == 202 ? a.data().value("execution_id").toString()
                                              : QString();
}

} // namespace hm::test
