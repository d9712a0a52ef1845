#pragma once

// The rule every node-detail tab that acts on a node follows (issue 38),
// checked the same way by TestNodeFiles and TestNodeProcesses: a VIEWER
// never sees the tab, even where the agent allows the capability; a USER
// sees it only once granted the capability on the node's label.

#include "AdminTestSupport.h"
#include "NodeAgentSupport.h"
#include "client/RemoteApi.h"
#include "fleet/NodesPage.h"

#include <QTabWidget>
#include <QTest>
#include <functional>
#include <memory>

namespace admintest {

struct NodeTab
{
    QString nodeId;     // a node whose agent allows `capability`
    QString label;      // that node's label
    QString capability; // "files", "processes", …
    // The tab's page in a NodesPage.
    std::function<QWidget *(hm::app::NodesPage &)> widget;

    bool shownOn(hm::app::NodesPage &page) const
    {
        auto *tabs = child<QTabWidget>(&page, "nodes.detailTabs");
        return tabs->isTabVisible(tabs->indexOf(widget(page)));
    }
};

// A NodesPage with the client it is signed in on (declared first: the page
// goes before the client it uses).
struct SignedInNodePage
{
    std::unique_ptr<hm::client::ApiClient> client;
    std::unique_ptr<hm::app::NodesPage> page;
    hm::client::UserInfo user;
};

// A new user of `role` signed in, with `nodeId` selected on its NodesPage;
// page null when any step failed.
inline SignedInNodePage signedInNodePage(AdminServer &server, const QString &username,
                                         const QString &role, const QString &password,
                                         const QString &nodeId)
{
    SignedInNodePage out;
    if (server.createUser(username, role, password).id.isEmpty())
        return out;
    out.client = server.signIn(username, password, &out.user);
    if (out.client)
        out.page = nodesPageOn(out.client.get(), out.user, nodeId);
    return out;
}

// Signs in a new VIEWER ("watcher") and a new USER ("ops") on `server`,
// checks the rule above and hands back the USER's page after the grant,
// with the tab shown and current. On a failure the test has failed
// (QVERIFY) and the page is null.
inline SignedInNodePage checkNodeTabGrant(AdminServer &server, const NodeTab &tab)
{
    using namespace hm::client;
    SignedInNodePage granted;
    [&] {
        const SignedInNodePage viewer =
            signedInNodePage(server, QStringLiteral("watcher"), QStringLiteral("VIEWER"),
                             QStringLiteral("Watch-password-1"), tab.nodeId);
        QVERIFY(viewer.page);
        QVERIFY(!tab.shownOn(*viewer.page));

        SignedInNodePage ops =
            signedInNodePage(server, QStringLiteral("ops"), QStringLiteral("USER"),
                             QStringLiteral("Ops-password-1"), tab.nodeId);
        QVERIFY(ops.page);
        QVERIFY(!tab.shownOn(*ops.page));
        NodeGrant grant;
        grant.subjectKind = QStringLiteral("user");
        grant.subject = ops.user.id;
        grant.label = tab.label;
        grant.capability = tab.capability;
        QVERIFY(await<NodeGrant>([&](auto done) {
                    RemoteApi(*server.connection->client()).createGrant(grant, done);
                }).ok());
        // A page opened after the grant: /access is read again.
        auto page = nodesPageOn(ops.client.get(), ops.user, tab.nodeId);
        QVERIFY(page);
        QVERIFY(tab.shownOn(*page));
        child<QTabWidget>(page.get(), "nodes.detailTabs")->setCurrentWidget(tab.widget(*page));
        ops.page.reset();
        granted.client = std::move(ops.client);
        granted.user = ops.user;
        granted.page = std::move(page);
    }();
    return granted;
}

} // namespace admintest
