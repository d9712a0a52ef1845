// The admin sections with 10,000 rows on the server (issue 12, Benchmarks):
// users (UsersPage), audit entries and log lines (AuditLogsPage), against a
// real hivemind-server over loopback. Per section: from handing the page
// its signed-in client to the end of the first paint of the list's
// viewport with rows in it, the rows fetched by then, and scrolling to the
// end (the view's own scrollToBottom, which asks the lazy model for the
// next page as a user's scrolling does): pages fetched, rows at the end,
// time.
//
// Seeding (what the server has before the console asks):
// - users: 10,000 rows written by the server's own write path
//   (server/repositories UserRepository::create, a transaction each, one
//   Argon2 hash shared by all; POST /users would hash each password, about
//   15 minutes on this machine) into the server's database while the
//   server is stopped, then the server is started again;
// - audit entries: 10,000 PUT /api/v1/auth/settings through the API (each
//   writes a SETTINGS_CHANGED entry);
// - log lines: 10,500 GET /api/v1/health through the API (one access line
//   each; the server keeps the last 10,000).
//
//   QT_QPA_PLATFORM=offscreen build/ci/bin/BenchConsoleLists

#include "ConsoleBench.h"
#include "PaintProbe.h"
#include "admin/UsersPage.h"
#include "admin/UsersPanel.h"
#include "crypto/KeyDerivation.h"
#include "crypto/PasswordHasher.h"
#include "crypto/SecureBytes.h"
#include "operations/AuditLogsPage.h"
#include "server/repositories/UserRepository.h"
#include "store/Database.h"

#include <QTabWidget>
#include <QTableView>

using namespace hm::app;
using namespace hm::bench;

namespace {

constexpr int kRows = 10000;

QString seedUsers(BenchServer &server)
{
    auto key = QByteArray::fromBase64(server.process->masterKey());
    const auto databaseKey = hm::crypto::deriveSubkey(hm::crypto::SecureBytes::fromRaw(key),
                                                      hm::crypto::Subkey::Database);
    auto database = hm::store::Database::open(
        server.dir.path() + QStringLiteral("/data/hivemind.db"), databaseKey);
    if (!database)
        return database.error().toString();
    auto hash = hm::crypto::hashPassword(u"Bench!Password1");
    if (!hash)
        return hash.error().toString();
    hm::server::auth::UserRepository users(**database);
    for (int i = 0; i < kRows; ++i) {
        hm::server::auth::NewUser user;
        user.username = QStringLiteral("user%1").arg(i, 5, 10, QLatin1Char('0'));
        user.email = user.username + QStringLiteral("@example.com");
        user.name = QStringLiteral("Bench User %1").arg(i);
        user.passwordHash = *hash;
        if (auto created = users.create(user); !created)
            return created.error().toString();
    }
    return {};
}

struct Section
{
    const char *name;
    QWidget *page;
    QTableView *view;
    std::function<void()> connect;
};

void measure(const Section &section)
{
    QAbstractItemModel *model = section.view->model();
    PaintProbe probe(section.view->viewport());
    probe.arm([&] { return model->rowCount() > 0; });
    const qint64 start = PaintProbe::nowNs();
    section.connect();
    if (!QTest::qWaitFor([&] { return probe.painted(); }, 60000)) {
        report(section.name, QStringLiteral("no rows painted within 60 s (%1 rows, view %2)")
                                 .arg(model->rowCount())
                                 .arg(section.view->isVisible() ? "visible" : "hidden"));
        return;
    }
    const double first = double(probe.paintedAtNs() - start) / 1e6;
    const int rowsAtFirst = model->rowCount();
    report(qPrintable(QStringLiteral("%1: first rows painted").arg(QLatin1String(section.name))),
           QStringLiteral("%1, %2 rows fetched then").arg(ms(first)).arg(rowsAtFirst),
           QStringLiteral("< 150 ms"), first < 150);

    // Scroll to the end: each scrollToBottom at the last row lets the view
    // ask for the next page.
    QTest::qWait(100);
    const qint64 scrollStart = PaintProbe::nowNs();
    int pages = 0;
    std::vector<double> pageTimes;
    while (model->canFetchMore({})) {
        const int before = model->rowCount();
        const qint64 pageStart = PaintProbe::nowNs();
        section.view->scrollToBottom();
        // canFetchMore is false while a page is on its way: wait for rows.
        if (!QTest::qWaitFor([&] { return model->rowCount() > before; }, 30000))
            break;
        section.view->viewport()->repaint();
        pageTimes.push_back(double(PaintProbe::nowNs() - pageStart) / 1e6);
        ++pages;
    }
    section.view->scrollToBottom();
    QApplication::processEvents();
    const double total = double(PaintProbe::nowNs() - scrollStart) / 1e6;
    report(qPrintable(QStringLiteral("%1: scrolled to the end").arg(QLatin1String(section.name))),
           QStringLiteral("%1 rows after %2 page requests (%3 rows at the first paint), %4 in all, "
                          "per page p50 %5 max %6")
               .arg(model->rowCount())
               .arg(pages)
               .arg(rowsAtFirst)
               .arg(ms(total), ms(percentile(pageTimes, 50)), ms(maximum(pageTimes))));
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    BenchServer server;
    if (const QString problem = server.start(); !problem.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(problem));
        return 1;
    }
    // Users: the server stopped, the rows written, the server again.
    QElapsedTimer seeding;
    seeding.start();
    server.process->process().terminate();
    server.process->process().waitForFinished(30000);
    if (const QString problem = seedUsers(server); !problem.isEmpty()) {
        std::fprintf(stderr, "users not seeded: %s\n", qPrintable(problem));
        return 1;
    }
    std::printf("seeded %d users through UserRepository in %.1f s\n", kRows,
                double(seeding.restart()) / 1000.0);
    server.process = std::make_unique<ServerProcess>(server.dir.path() + QStringLiteral("/data"),
                                                     server.process->masterKey());
    server.process->setEnv(QStringLiteral("QT_LOGGING_RULES"), QString());
    server.url = startAuthServer(*server.process);
    if (server.url.isEmpty() || !server.signIn().isEmpty()) {
        std::fprintf(stderr, "the server did not start again\n");
        return 1;
    }
    // Audit entries and log lines through the API, 250 requests at a time.
    for (int done = 0; done < kRows; done += 250) {
        QList<QByteArray> bodies;
        for (int i = 0; i < 250; ++i)
            bodies.append(QJsonDocument(QJsonObject{{"auth.rate_limits",
                                                     QJsonObject{{"login_per_minute",
                                                                  10000 + (done + i) % 2}}}})
                              .toJson(QJsonDocument::Compact));
        const auto answers = server.http->sendAtOnce("PUT", QStringLiteral("/api/v1/auth/settings"),
                                                     bodies, server.token, 120000);
        for (const Answer &a : answers) {
            if (a.status != 200) {
                std::fprintf(stderr, "settings refused: %d %s\n", a.status, a.raw.constData());
                return 1;
            }
        }
    }
    std::printf("seeded %d audit entries through the API in %.1f s\n", kRows,
                double(seeding.restart()) / 1000.0);
    for (int done = 0; done < kRows + 500; done += 500) {
        const auto answers = server.http->sendAtOnce("GET", QStringLiteral("/api/v1/health"),
                                                     QList<QByteArray>(500), {}, 120000);
        for (const Answer &a : answers) {
            if (a.status != 200)
                return 1;
        }
    }
    std::printf("seeded %d log lines through the API in %.1f s\n", kRows + 500,
                double(seeding.restart()) / 1000.0);

    // Users twice: the first asks a server that has not read the table
    // since it started (its page cache cold), the second one that has.
    for (const char *name : {"users (10,000), first open", "users (10,000), again"}) {
        UsersPage page;
        page.resize(1280, 860);
        page.show();
        if (!QTest::qWaitForWindowExposed(&page))
            return 1;
        auto *view = page.findChild<QTableView *>(QStringLiteral("users.list"));
        measure({name, &page, view, [&] { page.setSession(&server.client, server.admin); }});
    }
    for (int tab : {0, 1}) {
        AuditLogsPage page;
        page.setTailIntervalMs(3600 * 1000);
        page.resize(1280, 860);
        page.findChild<QTabWidget *>(QStringLiteral("auditLogs.tabs"))->setCurrentIndex(tab);
        page.show();
        if (!QTest::qWaitForWindowExposed(&page))
            return 1;
        auto *view = page.findChild<QTableView *>(tab == 0 ? QStringLiteral("audit.list")
                                                           : QStringLiteral("logs.list"));
        measure({tab == 0 ? "audit entries (10,000+)" : "log lines (10,000, the server's buffer)",
                 &page, view, [&] { page.setClient(&server.client, QStringLiteral("admin")); }});
    }
    // The server's side alone: the first page of each list as the console
    // asks for it (median of 5, from this process over loopback, after the above).
    for (const QString &path : {QStringLiteral("/api/v1/users?page=1&size=50"),
                                QStringLiteral("/api/v1/audit?page=1&size=50"),
                                QStringLiteral("/api/v1/logs?page=1&size=50")}) {
        std::vector<double> times;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer t;
            t.start();
            const Answer a = server.http->get(path, server.token);
            times.push_back(double(t.nsecsElapsed()) / 1e6);
            if (a.status != 200)
                std::printf("%s: %d\n", qPrintable(path), a.status);
        }
        report(qPrintable(QStringLiteral("  GET %1 alone").arg(path)),
               QStringLiteral("median %1").arg(ms(percentile(times, 50))));
    }
    return 0;
}
