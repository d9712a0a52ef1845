// The Audit & Logs section (issue 12, item 4) against a real
// hivemind-server: audit filters narrow the list on the server, the lazy
// models page (QAbstractItemModelTester, more rows than a page), the log
// export writes what the server's filters select to the file the user
// picked (the file dialog answered through the seam), the live tail shows a
// new record, non-admins get disabled controls and an explained 403, and
// the panel follows a language switch. Issue 34, item 7: the list is whole
// and live on opening (new entries without Apply), actions show translated
// names, filter by category and by part of a code or name, and the audit
// trail exports like the logs.

#include "OperationsTestSupport.h"
#include "ServerDatabase.h"
#include "operations/AuditActions.h"
#include "operations/AuditDetailText.h"
#include "operations/AuditLogsPage.h"
#include "operations/AuditResourceText.h"
#include "operations/RemoteRowsModel.h"
#include "shell/LanguageManager.h"
#include "widgets/MessageBox.h"
#include "widgets/ThemeManager.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QUuid>
#include <QtTest>
#include <memory>

using namespace hm::test;
using hm::app::AuditListModel;
using hm::app::AuditLogsPage;
using hm::app::LogListModel;
using hm::app::RemoteListModel;

namespace {
const QString kPassword = QStringLiteral("Str0ng!Passw0rd");
}

class TestAuditLogsPanel : public QObject, private ConsoleFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void auditFiltersNarrowTheList();
    void theNodeFilterShowsOneNodesEntries();
    void openingShowsTheWholeFirstPage();
    void newEntriesAppearWithoutApply();
    void actionsHaveTranslatedNames();
    void resourcesByNameAndDetailsAsPairs();
    void categoryAndTextFilters();
    void auditExportWritesWhatTheFiltersSelect();
    void modelsPageLazily();
    void laterPagesStayPutWhileRowsArrive();
    void nextPageAfterADeletedEntry();
    void exportWritesWhatTheFiltersSelect();
    void liveTailShowsNewRecords();
    void viewerIsReadOnlyAndA403IsExplained();
    void languageSwitch();
    void darkTheme();

private:
    void showPage(hm::client::ApiClient *client, const QString &role = QStringLiteral("admin"))
    {
        m_page = std::make_unique<AuditLogsPage>();
        hm::test::styleAsConsole(m_page.get());
        m_page->resize(1200, 720);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_page->setClient(client, role);
    }
    template <typename T> T *find(const char *name) const
    {
        return m_page->findChild<T *>(QLatin1String(name));
    }
    static bool ready(RemoteListModel *model)
    {
        return QTest::qWaitFor([model] { return model->state() == RemoteListModel::State::Ready; },
                               20000);
    }
    // Viewers <prefix><from> to <prefix><to - 1> (USER_CREATED, LOGIN each).
    void createViewers(const QString &prefix, int from, int to)
    {
        for (int i = from; i < to; ++i)
            QCOMPARE(
                createApiUser(*m_http, m_admin, prefix + QString::number(i), kPassword, "viewer")
                    .status,
                201);
    }
    // A SYSTEM_CONFIG_CHANGED entry, the longest action there is, as the
    // newest one (the configuration saved as it is).
    void changeSystemConfig()
    {
        const QString timezone =
            m_http->get("/api/v1/system/config", m_admin).data().value("timezone").toString();
        QCOMPARE(
            m_http->json("PUT", "/api/v1/system/config", {{"timezone", timezone}}, m_admin).status,
            200);
    }
    // The Action column is as wide as its widest visible cell needs (the
    // view's own measure, with the style's padding and font), and that
    // includes SYSTEM_CONFIG_CHANGED's name: no action is cut.
    static bool actionsFit(QTableView *view)
    {
        const int width = view->columnWidth(AuditListModel::ActionColumn);
        // (QTableView hides the public QAbstractItemView measure.)
        const QAbstractItemView *measure = view;
        return width >= measure->sizeHintForColumn(AuditListModel::ActionColumn) &&
               width > view->fontMetrics().horizontalAdvance(
                           hm::app::auditActionName(QStringLiteral("SYSTEM_CONFIG_CHANGED")));
    }
    // The action codes of the rows loaded (the display shows their names).
    static QSet<QString> codes(AuditListModel *model)
    {
        QSet<QString> values;
        for (int row = 0; row < model->rowCount(); ++row)
            values.insert(model->row(row).action);
        return values;
    }
    // A credential made through the API (CREDENTIAL_CREATED).
    void createCredential(const QString &name)
    {
        const Answer made = m_http->json(
            "POST", "/api/v1/credentials",
            {{"name", name},
             {"type", "http_bearer"},
             {"data", QJsonObject{{"token", QStringLiteral("audit-panel-token-") + name}}}},
            m_admin);
        QCOMPARE(made.status, 201);
    }
    qint64 auditTotal(const QString &query)
    {
        return m_http->get(QStringLiteral("/api/v1/audit?") + query, m_admin)
            .data()
            .value("pagination")
            .toObject()
            .value("total")
            .toInteger();
    }
    // The ids of the audit entries of `action` as the server lists them.
    QStringList auditIdsOf(const QString &action)
    {
        const Answer all =
            m_http->get(QStringLiteral("/api/v1/audit?size=100&action=") + action, m_admin);
        QStringList list;
        for (const QJsonValue &row : all.data().value("audit_logs").toArray())
            list << row.toObject().value("id").toString();
        return list;
    }
    // The console's list of the audit entries of `action` by pages of
    // `size`, its first page loaded (nullptr when it did not load).
    std::unique_ptr<AuditListModel> auditPages(const QString &action, int size)
    {
        auto model = std::make_unique<AuditListModel>();
        model->setPageSize(size);
        model->setFilter({.action = action});
        model->setClient(&m_client);
        return ready(model.get()) ? std::move(model) : nullptr;
    }
    static QStringList ids(RemoteListModel *model)
    {
        QStringList list;
        for (int row = 0; row < model->rowCount(); ++row)
            list << model->idAt(row);
        return list;
    }
    QSet<QString> column(RemoteListModel *model, int column)
    {
        QSet<QString> values;
        for (int row = 0; row < model->rowCount(); ++row)
            values.insert(model->index(row, column).data().toString());
        return values;
    }

    std::unique_ptr<AuditLogsPage> m_page;
    ApiUser m_viewer;
    QStringList m_nodeIds; // audit-web, audit-db
    std::unique_ptr<hm::store::Database> m_db; // the server's, opened once
};

void TestAuditLogsPanel::initTestCase()
{
    const QString started = startConsole(QStringLiteral("TestAuditLogsPanel"));
    QVERIFY2(started.isEmpty(), qPrintable(started));
    // Audited actions: three users made (USER_CREATED, then each one's
    // LOGIN) and a wrong password (LOGIN_FAILED).
    for (const char *name : {"auditann", "auditbob"}) {
        const ApiUser u = createApiUser(*m_http, m_admin, QLatin1String(name), kPassword, "user");
        QCOMPARE(u.status, 201);
    }
    m_viewer = createApiUser(*m_http, m_admin, QStringLiteral("auditviewer"), kPassword, "viewer");
    QVERIFY(!m_viewer.token.isEmpty());
    const Answer wrong = m_http->json("POST", "/api/v1/auth/login",
                                      {{"username", "auditann"}, {"password", "wrong-password"}});
    QCOMPARE(wrong.status, 401);
    // Two credentials (CREDENTIAL_CREATED): the category and the part of a
    // code the issue names.
    createCredential(QStringLiteral("auditcred1"));
    createCredential(QStringLiteral("auditcred2"));
    changeSystemConfig();
    // Two nodes (NODE_CREATED on each): the node filter (issue 38 item 11).
    for (const char *name : {"audit-web", "audit-db"}) {
        const Answer node = m_http->json("POST", "/api/v1/nodes", {{"name", name}}, m_admin);
        QCOMPARE(node.status, 201);
        m_nodeIds.append(node.data().value("node").toObject().value("id").toString());
    }
}

void TestAuditLogsPanel::cleanup()
{
    m_page.reset();
    hm::app::DialogSeam::setNextHandler({});
}

void TestAuditLogsPanel::auditFiltersNarrowTheList()
{
    showPage(&m_client);
    AuditListModel *model = m_page->auditModel();
    QVERIFY(ready(model));
    const qint64 all = model->totalCount();
    QVERIFY(all >= 7);
    QVERIFY(column(model, AuditListModel::ActionColumn).size() >= 3);

    // Action.
    find<QComboBox>("audit.action")->setCurrentText(QStringLiteral("user_created"));
    find<QPushButton>("audit.apply")->click();
    QVERIFY(ready(model));
    QTRY_COMPARE(model->filter().action, QStringLiteral("USER_CREATED"));
    QVERIFY(ready(model));
    QCOMPARE(model->totalCount(), qint64(3));
    QCOMPARE(codes(model), QSet<QString>{QStringLiteral("USER_CREATED")});
    QCOMPARE(column(model, AuditListModel::ActionColumn),
             QSet<QString>{QStringLiteral("User created")});
    QVERIFY(find<QLabel>("audit.status")->text().contains(QLatin1String("3")));

    // User (picked by name from the list of users) and action together.
    QTRY_VERIFY(find<QComboBox>("audit.user")->findText(QStringLiteral("auditann")) > 0);
    find<QComboBox>("audit.user")->setCurrentText(QStringLiteral("auditann"));
    find<QComboBox>("audit.action")->setCurrentText(QStringLiteral("LOGIN_FAILED"));
    find<QPushButton>("audit.apply")->click();
    QTRY_COMPARE(model->filter().action, QStringLiteral("LOGIN_FAILED"));
    QVERIFY(ready(model));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, AuditListModel::UserColumn).data().toString(),
             QStringLiteral("auditann"));

    // A resource nothing touched, then a time range that ended before.
    find<QComboBox>("audit.user")->setCurrentText(QString());
    find<QComboBox>("audit.action")->setCurrentText(QString());
    find<QComboBox>("audit.resource")->setCurrentText(QStringLiteral("component"));
    find<QPushButton>("audit.apply")->click();
    QTRY_COMPARE(model->filter().resourceType, QStringLiteral("component"));
    QVERIFY(ready(model));
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(find<QLabel>("audit.status")->text(),
             QStringLiteral("No audit entries match these filters."));
    find<QComboBox>("audit.resource")->setCurrentText(QString());
    auto *period = find<QComboBox>("audit.period");
    period->setCurrentIndex(period->findData(-1));
    find<QDateTimeEdit>("audit.from")->setDateTime(QDateTime::currentDateTime().addDays(-3));
    find<QDateTimeEdit>("audit.to")->setDateTime(QDateTime::currentDateTime().addDays(-2));
    find<QPushButton>("audit.apply")->click();
    QTRY_VERIFY(model->filter().to.isValid());
    QVERIFY(ready(model));
    QCOMPARE(model->rowCount(), 0);
    // The last 24 hours hold them all again.
    period->setCurrentIndex(period->findData(24 * 3600));
    find<QPushButton>("audit.apply")->click();
    QTRY_VERIFY(!model->filter().to.isValid());
    QVERIFY(ready(model));
    QVERIFY(model->totalCount() >= all);
    // The longest action is not cut.
    QVERIFY(codes(model).contains(QStringLiteral("SYSTEM_CONFIG_CHANGED")));
    QVERIFY(column(model, AuditListModel::ActionColumn)
                .contains(QStringLiteral("System configuration changed")));
    auto *view = find<QTableView>("audit.list");
    QTRY_VERIFY(actionsFit(view));
    QVERIFY(hm::test::screenshot(m_page.get(), QStringLiteral("audit-logs-audit-en")));
}

void TestAuditLogsPanel::theNodeFilterShowsOneNodesEntries()
{
    showPage(&m_client);
    AuditListModel *model = m_page->auditModel();
    QVERIFY(ready(model));
    auto *nodes = find<QComboBox>("audit.node");
    QTRY_COMPARE(nodes->count(), 3); // any, and the two nodes
    QCOMPARE(nodes->itemText(0), QStringLiteral("All nodes"));
    QVERIFY(nodes->itemData(0).toString().isEmpty());
    nodes->setCurrentIndex(nodes->findText(QStringLiteral("audit-db")));
    QCOMPARE(nodes->currentData().toString(), m_nodeIds.at(1));
    find<QPushButton>("audit.apply")->click();
    QTRY_COMPARE(model->filter().nodeId, m_nodeIds.at(1));
    QVERIFY(ready(model));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(codes(model), QSet<QString>{QStringLiteral("NODE_CREATED")});
    // The node by its name; its type code and whole id in the tooltip.
    const QModelIndex resource = model->index(0, AuditListModel::ResourceColumn);
    QCOMPARE(resource.data().toString(), QStringLiteral("Node audit-db"));
    QCOMPARE(resource.data(Qt::ToolTipRole).toString(), QStringLiteral("node ") + m_nodeIds.at(1));
    // Back to any node: more than the one.
    nodes->setCurrentIndex(0);
    find<QPushButton>("audit.apply")->click();
    QTRY_VERIFY(model->filter().nodeId.isEmpty());
    QVERIFY(ready(model));
    QVERIFY(model->totalCount() > 2);
}

// The page got its client when the user signed in (the list then held the
// sign-in alone) and is opened later: it shows the whole first page as the
// server has it now, not the one row it loaded then.
void TestAuditLogsPanel::openingShowsTheWholeFirstPage()
{
    m_page = std::make_unique<AuditLogsPage>();
    hm::test::styleAsConsole(m_page.get());
    m_page->resize(1200, 720);
    m_page->setClient(&m_client, QStringLiteral("admin"));
    AuditListModel *model = m_page->auditModel();
    QVERIFY(ready(model));
    const qint64 before = model->totalCount();
    createViewers(QStringLiteral("opening"), 0, 3);
    const qint64 now = auditTotal(QStringLiteral("size=1"));
    QVERIFY(now >= before + 6);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    const int page = int(std::min<qint64>(now, model->pageSize()));
    QTRY_VERIFY(model->rowCount() >= page);
    QCOMPARE(model->totalCount(), now);
    // The newest entries on top, in the server's order.
    const Answer first = m_http->get(QStringLiteral("/api/v1/audit?size=6"), m_admin);
    QStringList newest;
    for (const QJsonValue &row : first.data().value("audit_logs").toArray())
        newest << row.toObject().value("id").toString();
    QCOMPARE(ids(model).mid(0, 6), newest);
    QVERIFY(find<QLabel>("audit.status")->text().contains(QLocale().toString(now)));
}

// A new entry written through the API (another console, a script) appears
// in the open list without Apply: /ws/events' audit_logged.
void TestAuditLogsPanel::newEntriesAppearWithoutApply()
{
    showPage(&m_client);
    AuditListModel *model = m_page->auditModel();
    QVERIFY(ready(model));
    const int before = model->rowCount();
    createViewers(QStringLiteral("livenew"), 0, 1);
    const QString created = auditIdsOf(QStringLiteral("USER_CREATED")).constFirst();
    QTRY_VERIFY_WITH_TIMEOUT(ids(model).contains(created), 20000);
    QVERIFY(model->rowCount() > before);
    // On top, and with the applied filter: a category that excludes it
    // does not show the next one.
    QCOMPARE(ids(model).indexOf(created) < 2, true);
    auto *category = find<QComboBox>("audit.category");
    category->setCurrentIndex(category->findData(QStringLiteral("credentials")));
    find<QPushButton>("audit.apply")->click();
    QTRY_COMPARE(model->filter().category, QStringLiteral("credentials"));
    QVERIFY(ready(model));
    const int credentials = model->rowCount();
    createCredential(QStringLiteral("livecred"));
    createViewers(QStringLiteral("livenew"), 1, 2);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), credentials + 1, 20000);
    QCOMPARE(codes(model), QSet<QString>{QStringLiteral("CREDENTIAL_CREATED")});
}

// Actions are named in the user's language, in the list and in the filter;
// the code stays in the tooltip.
void TestAuditLogsPanel::actionsHaveTranslatedNames()
{
    QVERIFY(
        m_languages->setLanguage(QStringLiteral("zh_CN"), hm::app::LanguageManager::Persist::No));
    const auto english = qScopeGuard([this] {
        m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No);
    });
    showPage(&m_client);
    AuditListModel *model = m_page->auditModel();
    QVERIFY(ready(model));
    QHash<QString, QString> shown; // code -> name shown
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex cell = model->index(row, AuditListModel::ActionColumn);
        shown.insert(cell.data(Qt::ToolTipRole).toString(), cell.data().toString());
    }
    QCOMPARE(shown.value(QStringLiteral("LOGIN_FAILED")), QStringLiteral("登录失败"));
    QCOMPARE(shown.value(QStringLiteral("USER_CREATED")), QStringLiteral("创建用户"));
    QCOMPARE(shown.value(QStringLiteral("CREDENTIAL_CREATED")), QStringLiteral("创建凭据"));
    // No raw code is shown for an action the console knows.
    for (auto it = shown.cbegin(); it != shown.cend(); ++it)
        QVERIFY2(it.value() != it.key(), qPrintable(it.key()));
    auto *action = find<QComboBox>("audit.action");
    QVERIFY(action->findText(QStringLiteral("登录失败")) > 0);
    QCOMPARE(action->findText(QStringLiteral("LOGIN_FAILED")), -1);
    auto *category = find<QComboBox>("audit.category");
    QCOMPARE(category->itemText(category->findData(QStringLiteral("credentials"))),
             QStringLiteral("凭据"));
    QTRY_VERIFY(actionsFit(find<QTableView>("audit.list")));
    // A translated name picked is its code.
    action->setCurrentText(QStringLiteral("登录失败"));
    find<QPushButton>("audit.apply")->click();
    QTRY_COMPARE(model->filter().action, QStringLiteral("LOGIN_FAILED"));
    QVERIFY(ready(model));
    QCOMPARE(codes(model), QSet<QString>{QStringLiteral("LOGIN_FAILED")});
    // Part of a name in the language shown: the actions named so.
    action->setCurrentText(QStringLiteral("凭据"));
    find<QPushButton>("audit.apply")->click();
    QTRY_COMPARE(model->filter().action, QStringLiteral("凭据"));
    QVERIFY(ready(model));
    QVERIFY(model->rowCount() >= 2);
    for (const QString &code : codes(model))
        QVERIFY2(code.startsWith(QLatin1String("CREDENTIAL_")), qPrintable(code));
    QVERIFY(hm::test::screenshot(m_page.get(), QStringLiteral("audit-logs-actions-zh_CN")));
}

// What an entry acted on reads as its kind and name, in the language shown,
// not a type code and a UUID; a resource since deleted by the start of its
// id. Details read as "key: value" pairs, not a line of JSON.
void TestAuditLogsPanel::resourcesByNameAndDetailsAsPairs()
{
    createCredential(QStringLiteral("auditcred-gone"));
    const Answer credentials = m_http->get("/api/v1/credentials?size=100", m_admin);
    QString goneId;
    for (const QJsonValue &c : credentials.data().value("items").toArray()) {
        if (c.toObject().value("name").toString() == u"auditcred-gone")
            goneId = c.toObject().value("id").toString();
    }
    QVERIFY(!goneId.isEmpty());
    QCOMPARE(
        m_http->send("DELETE", "/api/v1/credentials/" + goneId, {}, Http::bearer(m_admin)).status,
        200);

    QVERIFY(
        m_languages->setLanguage(QStringLiteral("zh_TW"), hm::app::LanguageManager::Persist::No));
    const auto english = qScopeGuard([this] {
        m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No);
    });
    showPage(&m_client);
    AuditListModel *model = m_page->auditModel();
    QVERIFY(ready(model));
    QHash<QString, QString> resourceOf; // action code + resource id -> shown
    QString loginDetails;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString code =
            model->index(row, AuditListModel::ActionColumn).data(Qt::ToolTipRole).toString();
        const QString tip =
            model->index(row, AuditListModel::ResourceColumn).data(Qt::ToolTipRole).toString();
        resourceOf.insert(code + u' ' + tip.section(u' ', 1),
                          model->index(row, AuditListModel::ResourceColumn).data().toString());
        if (code == u"LOGIN" && loginDetails.isEmpty())
            loginDetails = model->index(row, AuditListModel::DetailsColumn).data().toString();
    }
    QCOMPARE(resourceOf.value(QStringLiteral("NODE_CREATED ") + m_nodeIds.at(0)),
             QStringLiteral("節點 audit-web"));
    // Deleted: the name the entry recorded.
    QCOMPARE(resourceOf.value(QStringLiteral("CREDENTIAL_DELETED ") + goneId),
             QStringLiteral("憑證 auditcred-gone"));
    // No name anywhere: the id (a UUID by its start, others whole).
    QCOMPARE(resourceOf.value(QStringLiteral("SYSTEM_CONFIG_CHANGED system.config")),
             QStringLiteral("設定 system.config"));
    QCOMPARE(hm::app::auditResourceText(QStringLiteral("node"), goneId, {}),
             QStringLiteral("節點 ") + goneId.left(8) + QChar(0x2026));
    QCOMPARE(hm::app::auditResourceText(QStringLiteral("newer_kind"), QStringLiteral("7"), {}),
             QStringLiteral("newer_kind 7"));
    // Sign-ins: the details' titles and values in the language shown, not
    // the server's "remember_me: false".
    QVERIFY2(loginDetails.contains(QStringLiteral("記住我：否")) &&
                 loginDetails.contains(QStringLiteral("雙重驗證：否")) &&
                 loginDetails.contains(QStringLiteral(" · ")) && !loginDetails.startsWith(u'{'),
             qPrintable(loginDetails));
    // Lists of plain values joined, numbers whole, a key of a newer server's
    // as it is, and anything nested as JSON.
    QCOMPARE(
        hm::app::auditDetailsText(QJsonObject{{"keys", QJsonArray{"timezone", "site_name"}},
                                              {"pid", 4242},
                                              {"newer_key", true},
                                              {"problems", QJsonArray{QJsonObject{{"a", 1}}}}}),
        QStringLiteral("設定：timezone, site_name · newer_key：是 · PID：4242 · "
                       "問題：[{\"a\":1}]"));
    // A role in the role's words.
    QCOMPARE(hm::app::auditDetailsText(QJsonObject{{"role", "viewer"}}),
             QStringLiteral("角色：檢視者"));
    QVERIFY(hm::test::screenshot(m_page.get(), QStringLiteral("audit-logs-resources-zh_TW")));

    // The resource filter offers the kinds by name too; the one picked is
    // its code.
    auto *resourceType = find<QComboBox>("audit.resource");
    QCOMPARE(resourceType->itemText(resourceType->findData(QStringLiteral("node"))),
             QStringLiteral("節點"));
    resourceType->setCurrentIndex(resourceType->findData(QStringLiteral("node")));
    find<QPushButton>("audit.apply")->click();
    QTRY_COMPARE(model->filter().resourceType, QStringLiteral("node"));
    QVERIFY(ready(model));
    QVERIFY(model->rowCount() >= 2);
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(model->index(row, AuditListModel::ResourceColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("節點 ")));
    resourceType->setCurrentIndex(0);
}

// The category combo narrows on the server; typed text matches part of a
// code in any case ("CREDENTIAL", "credential"); the action list offers the
// category's actions.
void TestAuditLogsPanel::categoryAndTextFilters()
{
    showPage(&m_client);
    AuditListModel *model = m_page->auditModel();
    QVERIFY(ready(model));
    const qint64 credentials = auditTotal(QStringLiteral("action_contains=credential"));
    QVERIFY(credentials >= 2);
    auto *category = find<QComboBox>("audit.category");
    auto *action = find<QComboBox>("audit.action");
    category->setCurrentIndex(category->findData(QStringLiteral("users")));
    // The actions offered are the users category's.
    QVERIFY(action->findData(QStringLiteral("USER_CREATED")) > 0);
    QCOMPARE(action->findData(QStringLiteral("LOGIN")), -1);
    find<QPushButton>("audit.apply")->click();
    QTRY_COMPARE(model->filter().category, QStringLiteral("users"));
    QVERIFY(ready(model));
    QVERIFY(model->rowCount() >= 3);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->row(row).category, QStringLiteral("users"));
    QVERIFY(codes(model).contains(QStringLiteral("USER_CREATED")));
    QVERIFY(!codes(model).contains(QStringLiteral("LOGIN")));

    category->setCurrentIndex(0);
    for (const QString &typed : {QStringLiteral("CREDENTIAL"), QStringLiteral("credential")}) {
        action->setCurrentText(typed);
        find<QPushButton>("audit.apply")->click();
        QTRY_COMPARE(model->filter().action, typed);
        QVERIFY(ready(model));
        QCOMPARE(model->totalCount(), credentials);
        for (const QString &code : codes(model))
            QVERIFY2(code.contains(QLatin1String("CREDENTIAL")), qPrintable(code));
    }
    // Part of an English name: "sign-in" is LOGIN_FAILED's "Sign-in failed"
    // (the code holds no "sign").
    action->setCurrentText(QStringLiteral("sign-in f"));
    find<QPushButton>("audit.apply")->click();
    QTRY_COMPARE(model->filter().action, QStringLiteral("sign-in f"));
    QVERIFY(ready(model));
    QCOMPARE(codes(model), QSet<QString>{QStringLiteral("LOGIN_FAILED")});
    // Category and text together: nothing is both.
    category->setCurrentIndex(category->findData(QStringLiteral("users")));
    action->setCurrentText(QStringLiteral("CREDENTIAL"));
    find<QPushButton>("audit.apply")->click();
    QTRY_COMPARE(model->filter().action, QStringLiteral("CREDENTIAL"));
    QVERIFY(ready(model));
    QCOMPARE(model->rowCount(), 0);
}

// The audit trail exports as the logs do: the file dialog through the
// seam, the server's export with the filters of the list as shown.
void TestAuditLogsPanel::auditExportWritesWhatTheFiltersSelect()
{
    showPage(&m_client);
    AuditListModel *model = m_page->auditModel();
    QVERIFY(ready(model));
    find<QComboBox>("audit.action")->setCurrentText(QStringLiteral("credential"));
    find<QPushButton>("audit.apply")->click();
    QTRY_COMPARE(model->filter().action, QStringLiteral("credential"));
    QVERIFY(ready(model));
    const qint64 total = model->totalCount();
    QVERIFY(total >= 2);

    QTemporaryDir out;
    for (const QString &format : {QStringLiteral("csv"), QStringLiteral("json")}) {
        const QString path = out.filePath(QStringLiteral("audit.") + format);
        auto *formats = find<QComboBox>("audit.exportFormat");
        formats->setCurrentIndex(formats->findData(format));
        QString asked;
        hm::app::DialogSeam::setNextHandler([&](QDialog *dialog) {
            auto *files = qobject_cast<QFileDialog *>(dialog);
            asked = files ? files->objectName() : QString();
            files->selectFile(path);
            return int(QDialog::Accepted);
        });
        find<QPushButton>("audit.export")->click();
        QCOMPARE(asked, QStringLiteral("audit.exportDialog"));
        QTRY_VERIFY(QFile::exists(path));
        QTRY_VERIFY(find<QLabel>("audit.status")->text().startsWith(QLatin1String("Saved")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains("audit-panel-token-"));
        if (format == QLatin1String("csv")) {
            QStringList lines =
                QString::fromUtf8(bytes).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
            QVERIFY(lines.takeFirst().startsWith(QLatin1String("id,created_at,user_id")));
            QCOMPARE(lines.size(), int(total));
            for (const QString &line : lines)
                QVERIFY2(line.contains(QLatin1String("\"CREDENTIAL_")), qPrintable(line));
        } else {
            const QJsonArray rows = QJsonDocument::fromJson(bytes).array();
            QCOMPARE(rows.size(), int(total));
            QStringList exported;
            for (const QJsonValue &row : rows)
                exported << row.toObject().value("id").toString();
            QCOMPARE(exported.mid(0, model->rowCount()), ids(model));
        }
    }
    // Refused by the user: nothing written.
    hm::app::DialogSeam::setNextHandler([](QDialog *) { return int(QDialog::Rejected); });
    find<QPushButton>("audit.export")->click();
    QVERIFY(find<QLabel>("audit.status")->text().startsWith(QLatin1String("Saved")));
}

void TestAuditLogsPanel::modelsPageLazily()
{
    // More audit entries and log records than a few pages of 5: five more
    // users (USER_CREATED and LOGIN each).
    for (int i = 0; i < 5; ++i)
        QCOMPARE(
            createApiUser(*m_http, m_admin, QStringLiteral("pager%1").arg(i), kPassword, "viewer")
                .status,
            201);
    // The models on their own: a view would fetch until its viewport is full.
    AuditListModel audit;
    LogListModel logs;
    for (RemoteListModel *model : std::initializer_list<RemoteListModel *>{&audit, &logs}) {
        model->setPageSize(5);
        model->setClient(&m_client);
        QVERIFY(ready(model));
        QVERIFY(model->totalCount() > 15);
        // Only what is asked for is fetched.
        QCOMPARE(model->rowCount(), 5);
        QVERIFY(model->canFetchMore({}));
        model->fetchMore({});
        // (A row a later page brings again, because new records pushed the
        // pages down, is skipped.)
        QTRY_VERIFY(model->rowCount() > 5);
        QVERIFY(model->rowCount() <= 10);
        // The tester (which fetches more itself) from here on.
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // To the end (at most 30 rows), a page at a time.
        const int want = int(std::min<qint64>(30, model->totalCount()));
        int guard = 0;
        while (model->rowCount() < want && ++guard < 100) {
            if (model->canFetchMore({}))
                model->fetchMore({});
            QTest::qWait(20);
        }
        QVERIFY(model->rowCount() >= want);
        // Ids are unique: no page brought a row twice.
        QSet<QString> ids;
        for (int row = 0; row < model->rowCount(); ++row)
            ids.insert(model->idAt(row));
        QCOMPARE(ids.size(), model->rowCount());
    }
}

// New rows on top between two pages (the server's records keep coming):
// the next page starts after the last row held (before_id), so it neither
// brings rows again nor leaves any out.
void TestAuditLogsPanel::laterPagesStayPutWhileRowsArrive()
{
    const auto probe = [this](int i) {
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/flows/keysetpanel-%1").arg(i), m_admin).status,
                 404);
    };
    for (int i = 0; i < 6; ++i)
        probe(i);
    LogListModel logs;
    logs.setPageSize(3);
    hm::client::LogFilter filter;
    filter.search = QStringLiteral("keysetpanel");
    logs.setFilter(filter);
    logs.setClient(&m_client);
    QVERIFY(ready(&logs));
    QCOMPARE(logs.rowCount(), 3);
    probe(6);
    probe(7);
    QVERIFY(logs.canFetchMore({}));
    logs.fetchMore({});
    QTRY_VERIFY(!logs.isFetching());
    QStringList messages;
    for (int row = 0; row < logs.rowCount(); ++row)
        messages << logs.index(row, LogListModel::MessageColumn).data().toString();
    QCOMPARE(messages.size(), 6);
    for (int i = 0; i < 6; ++i)
        QVERIFY2(messages[i].contains(QStringLiteral("keysetpanel-%1 ").arg(5 - i)),
                 qPrintable(messages.join(u'\n')));
    QCOMPARE(logs.totalCount(), qint64(6));
    QVERIFY(!logs.canFetchMore({}));

    // The audit trail: USER_CREATED entries, two more written between pages.
    createViewers(QStringLiteral("keyset"), 0, 4);
    const QStringList expected = auditIdsOf(QStringLiteral("USER_CREATED"));
    QVERIFY(expected.size() >= 7);
    const auto audit = auditPages(QStringLiteral("USER_CREATED"), 3);
    QVERIFY(audit);
    QCOMPARE(audit->rowCount(), 3);
    createViewers(QStringLiteral("keyset"), 4, 6);
    audit->fetchMore({});
    QTRY_VERIFY(!audit->isFetching());
    QCOMPARE(ids(audit.get()), expected.mid(0, 6));
    QCOMPARE(audit->totalCount(), qint64(expected.size()));
}

// The entry the console shows last is deleted before it asks for the next
// page (retention, a purge): the list goes on with exactly the older
// entries; when that entry's id cannot place it (a random id from before
// ids carried their time) and the older ones are gone too, the list ends.
// Never an error.
void TestAuditLogsPanel::nextPageAfterADeletedEntry()
{
    m_db = hm::test::openServerDatabase(m_dir.path(), m_server->masterKey());
    QVERIFY(m_db);
    createViewers(QStringLiteral("gone"), 0, 3);
    const QStringList expected = auditIdsOf(QStringLiteral("USER_CREATED"));
    QVERIFY(expected.size() >= 7);
    const auto audit = auditPages(QStringLiteral("USER_CREATED"), 3);
    QVERIFY(audit);
    QCOMPARE(ids(audit.get()), expected.mid(0, 3));
    QVERIFY(m_db->execute(QStringLiteral("DELETE FROM audit_logs WHERE id = ?"), {expected.at(2)})
                .ok());
    QCOMPARE(m_db->changes(), 1);
    audit->fetchMore({});
    QTRY_VERIFY(!audit->isFetching());
    QVERIFY2(audit->state() == RemoteListModel::State::Ready,
             qPrintable(audit->lastError().toString()));
    // The gone entry stays shown; after it, the next three.
    QCOMPARE(ids(audit.get()), expected.mid(0, 6));

    // Entries with random ids, as written before: the last one shown and
    // all older ones deleted, as retention deletes by age.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList legacy;
    for (int i = 0; i < 4; ++i) {
        legacy << QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(m_db->execute(QStringLiteral("INSERT INTO audit_logs (id, action, details, "
                                             "created_at) VALUES (?, 'LEGACY_PROBE', '{}', ?)"),
                              {legacy.last(), now - 1000 * (i + 1)})
                    .ok());
    }
    const auto old = auditPages(QStringLiteral("LEGACY_PROBE"), 2);
    QVERIFY(old);
    QCOMPARE(ids(old.get()), legacy.mid(0, 2));
    QVERIFY(m_db->execute(QStringLiteral("DELETE FROM audit_logs WHERE action = 'LEGACY_PROBE' "
                                         "AND created_at <= ?"),
                          {now - 2000})
                .ok());
    QCOMPARE(m_db->changes(), 3);
    QVERIFY(old->canFetchMore({}));
    old->fetchMore({});
    QTRY_VERIFY(!old->isFetching());
    QVERIFY2(old->state() == RemoteListModel::State::Ready,
             qPrintable(old->lastError().toString()));
    QCOMPARE(ids(old.get()), legacy.mid(0, 2));
    QVERIFY(!old->canFetchMore({}));
    // Not in the panel's screenshots.
    QVERIFY(
        m_db->execute(QStringLiteral("DELETE FROM audit_logs WHERE action = 'LEGACY_PROBE'")).ok());
}

void TestAuditLogsPanel::exportWritesWhatTheFiltersSelect()
{
    // Each request is a log record "GET <path> <status>".
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/flows/exportprobe-%1").arg(i), m_admin).status,
                 404);
    showPage(&m_client);
    m_page->findChild<QTabWidget *>(QStringLiteral("auditLogs.tabs"))->setCurrentIndex(1);
    LogListModel *model = m_page->logModel();
    QVERIFY(ready(model));
    find<QLineEdit>("logs.search")->setText(QStringLiteral("EXPORTPROBE"));
    find<QPushButton>("logs.apply")->click();
    QTRY_COMPARE(model->filter().search, QStringLiteral("EXPORTPROBE"));
    QVERIFY(ready(model));
    QCOMPARE(model->totalCount(), qint64(3));

    QTemporaryDir out;
    for (const QString &format : {QStringLiteral("txt"), QStringLiteral("csv")}) {
        const QString path = out.filePath(QStringLiteral("export.") + format);
        auto *formats = find<QComboBox>("logs.exportFormat");
        formats->setCurrentIndex(formats->findData(format));
        QString asked;
        hm::app::DialogSeam::setNextHandler([&](QDialog *dialog) {
            auto *files = qobject_cast<QFileDialog *>(dialog);
            asked = files ? files->objectName() : QString();
            files->selectFile(path);
            return int(QDialog::Accepted);
        });
        find<QPushButton>("logs.export")->click();
        QCOMPARE(asked, QStringLiteral("logs.exportDialog"));
        QTRY_VERIFY(QFile::exists(path));
        QTRY_VERIFY(find<QLabel>("logs.status")->text().startsWith(QLatin1String("Saved")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        if (format == QLatin1String("csv")) {
            QVERIFY(lines.takeFirst().startsWith(QLatin1String("id,timestamp,level")));
        }
        QCOMPARE(lines.size(), 3);
        for (int i = 0; i < 3; ++i)
            QVERIFY2(
                lines.filter(QStringLiteral("/api/v1/flows/exportprobe-%1 404").arg(i)).size() == 1,
                qPrintable(lines.join(u'\n')));
    }

    // Refused by the user: nothing written, nothing asked of the server.
    hm::app::DialogSeam::setNextHandler([](QDialog *) { return int(QDialog::Rejected); });
    find<QPushButton>("logs.export")->click();
    QVERIFY(find<QLabel>("logs.status")->text().startsWith(QLatin1String("Saved")));
}

void TestAuditLogsPanel::liveTailShowsNewRecords()
{
    showPage(&m_client);
    m_page->setTailIntervalMs(100);
    m_page->findChild<QTabWidget *>(QStringLiteral("auditLogs.tabs"))->setCurrentIndex(1);
    LogListModel *model = m_page->logModel();
    find<QLineEdit>("logs.search")->setText(QStringLiteral("tailprobe"));
    find<QPushButton>("logs.apply")->click();
    QTRY_COMPARE(model->filter().search, QStringLiteral("tailprobe"));
    QVERIFY(ready(model));
    const int before = model->rowCount();
    find<QCheckBox>("logs.liveTail")->setChecked(true);
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/flows/tailprobe-1"), m_admin).status, 404);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), before + 1, 10000);
    QVERIFY(model->index(0, LogListModel::MessageColumn)
                .data()
                .toString()
                .contains(QLatin1String("tailprobe-1")));
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/flows/tailprobe-2"), m_admin).status, 404);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), before + 2, 10000);
    QVERIFY(model->index(0, LogListModel::MessageColumn)
                .data()
                .toString()
                .contains(QLatin1String("tailprobe-2")));
    QVERIFY(find<QLabel>("logs.status")->text().contains(QLatin1String("live")));
    // Off: no more rows.
    find<QCheckBox>("logs.liveTail")->setChecked(false);
    QCOMPARE(m_http->get(QStringLiteral("/api/v1/flows/tailprobe-3"), m_admin).status, 404);
    QTest::qWait(400);
    QCOMPARE(model->rowCount(), before + 2);
    find<QLineEdit>("logs.search")->clear();
    find<QPushButton>("logs.apply")->click();
    QVERIFY(ready(model));
    QTRY_VERIFY(model->rowCount() > 5);
    QVERIFY(hm::test::screenshot(m_page.get(), QStringLiteral("audit-logs-logs-en")));
}

void TestAuditLogsPanel::viewerIsReadOnlyAndA403IsExplained()
{
    hm::client::ApiClient viewer;
    const QString signedIn =
        signInAs(viewer, m_http->base(), QStringLiteral("auditviewer"), kPassword);
    QVERIFY2(signedIn.isEmpty(), qPrintable(signedIn));
    showPage(&viewer, QStringLiteral("viewer"));
    for (const char *name : {"audit.apply", "audit.export", "logs.apply", "logs.export"}) {
        auto *button = find<QPushButton>(name);
        QVERIFY(!button->isEnabled());
        QVERIFY(button->toolTip().contains(QLatin1String("Only administrators")));
    }
    QVERIFY(!find<QCheckBox>("logs.liveTail")->isEnabled());
    QCOMPARE(m_page->auditModel()->state(), RemoteListModel::State::Idle);
    QVERIFY(find<QLabel>("audit.status")->text().contains(QLatin1String("Only administrators")));

    // Forced (the console believes it is an admin): the server's 403 is
    // explained, not swallowed.
    m_page->setClient(&viewer, QStringLiteral("admin"));
    QTRY_COMPARE(m_page->auditModel()->state(), RemoteListModel::State::Error);
    const QString text = find<QLabel>("audit.status")->text();
    QVERIFY2(text.contains(QLatin1String("only administrators may read the audit trail")),
             qPrintable(text));
    QTRY_COMPARE(m_page->logModel()->state(), RemoteListModel::State::Error);
    QVERIFY(find<QLabel>("logs.status")->text().contains(QLatin1String("only administrators")));
}

void TestAuditLogsPanel::languageSwitch()
{
    changeSystemConfig();
    showPage(&m_client);
    QVERIFY(ready(m_page->auditModel()));
    auto *view = find<QTableView>("audit.list");
    QTRY_VERIFY(actionsFit(view));
    auto *tabs = m_page->findChild<QTabWidget *>(QStringLiteral("auditLogs.tabs"));
    QCOMPARE(tabs->tabText(0), QStringLiteral("Audit trail"));
    QCOMPARE(
        m_page->auditModel()->headerData(AuditListModel::ActionColumn, Qt::Horizontal).toString(),
        QStringLiteral("Action"));
    const QStringList languages{QStringLiteral("zh_TW"), QStringLiteral("zh_CN")};
    const QStringList audit{QStringLiteral("稽核軌跡"), QStringLiteral("审计记录")};
    // An action picked is named again in the new language.
    auto *action = find<QComboBox>("audit.action");
    action->setCurrentIndex(action->findData(QStringLiteral("LOGIN_FAILED")));
    QCOMPARE(action->currentText(), QStringLiteral("Sign-in failed"));
    const QStringList failed{QStringLiteral("登入失敗"), QStringLiteral("登录失败")};
    for (int i = 0; i < languages.size(); ++i) {
        QVERIFY(m_languages->setLanguage(languages.at(i), hm::app::LanguageManager::Persist::No));
        QTRY_COMPARE(tabs->tabText(0), audit.at(i));
        QCOMPARE(action->currentText(), failed.at(i));
        QVERIFY(find<QPushButton>("audit.apply")->text() != QLatin1String("Apply"));
        tabs->setCurrentIndex(0);
        QTRY_VERIFY(actionsFit(view));
        QVERIFY(hm::test::screenshot(m_page.get(),
                                     QStringLiteral("audit-logs-audit-") + languages.at(i)));
        tabs->setCurrentIndex(1);
        QTRY_VERIFY(m_page->logModel()->rowCount() > 0);
        QVERIFY(hm::test::screenshot(m_page.get(),
                                     QStringLiteral("audit-logs-logs-") + languages.at(i)));
    }
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No));
    QTRY_COMPARE(tabs->tabText(0), QStringLiteral("Audit trail"));
}

// Both tabs in the dark theme (ThemeManager, as View > Theme sets it).
void TestAuditLogsPanel::darkTheme()
{
    hm::app::ThemeManager themes;
    themes.setMode(hm::app::ThemeManager::Mode::Dark, hm::app::ThemeManager::Persist::No);
    const auto light = qScopeGuard([&themes] {
        themes.setMode(hm::app::ThemeManager::Mode::Light, hm::app::ThemeManager::Persist::No);
    });
    changeSystemConfig();
    showPage(&m_client);
    QVERIFY(ready(m_page->auditModel()));
    auto *table = m_page->findChild<QTableView *>();
    QVERIFY(table);
    QVERIFY(hm::app::ThemeManager::isDarkPalette(table->palette()));
    QTRY_VERIFY(actionsFit(find<QTableView>("audit.list")));
    QVERIFY(hm::test::screenshot(m_page.get(), QStringLiteral("audit-logs-audit-en-dark")));
    m_page->findChild<QTabWidget *>(QStringLiteral("auditLogs.tabs"))->setCurrentIndex(1);
    QTRY_VERIFY(m_page->logModel()->rowCount() > 0);
    QVERIFY(hm::test::screenshot(m_page.get(), QStringLiteral("audit-logs-logs-en-dark")));
}

QTEST_MAIN(TestAuditLogsPanel)
#include "TestAuditLogsPanel.moc"
