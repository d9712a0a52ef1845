// The lazy remote list base every console list is written on
// (app/widgets/RemoteListModel): paging to the end, answers a reset made
// stale, a failed page and its retry, live inserts / updates / removals by
// id, fetchMore while a page is on its way, and the whole-list variant
// (one answer, lazy first fetch, rows kept while reloading). The model runs
// under QAbstractItemModelTester throughout; the tester calls fetchMore()
// on every change, like an eager view (while a page's rows go in, the page
// still counts as on its way: nothing is asked twice).
//
// This is a unit test of the model's paging logic, so the pages come from
// a small page source in this file (TestPages keeps each request and the
// test answers it when and how it wants: out of order, stale, failed). It
// stands for no server and mocks none: the ported list models are tested
// against the real server in TestUsersPanel, TestApiKeysPanel,
// TestCredentialsPage and TestComponentsPage.

#include "client/ApiClient.h"
#include "widgets/RemoteListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using hm::app::RemoteList;
using hm::app::RemoteListModel;

namespace {

struct TestItem
{
    QString id;
    QString name;
};

using TestPage = hm::client::Page<TestItem>;

// A list over the requests it records: requests[i].done answers one.
class TestPages final : public RemoteList<TestItem>
{
public:
    struct Request
    {
        int page = 0;
        int size = 0;
        PageCallback done;
    };

    static Options paged() { return {}; }
    static Options whole()
    {
        return {.wholeList = true, .lazyFirstPage = true, .keepRowsWhileReloading = true};
    }

    static Options askingOnClient() { return {.reloadOnNewClient = true}; }

    explicit TestPages(Options options = paged()) : RemoteList(2, options, nullptr) {}

    using RemoteList::insertItem;
    using RemoteList::removeItem;
    using RemoteList::replaceItem;

    // Answers request `i` with items `first`..`last` of a list of `total`.
    void answer(int i, int first, int last, qint64 total)
    {
        TestPage page;
        for (int n = first; n <= last; ++n)
            page.items << make(n);
        page.page = requests.at(i).page;
        page.size = requests.at(i).size;
        page.total = total;
        page.hasNext = last + 1 < total;
        requests[i].done(page);
    }
    void fail(int i)
    {
        requests[i].done(hm::Error{hm::ErrorCode::NetworkError, QStringLiteral("offline")});
    }
    static TestItem make(int n)
    {
        return {QStringLiteral("id-%1").arg(n), QStringLiteral("Item %1").arg(n)};
    }
    QString nameAt(int row) const { return data(index(row, 1)).toString(); }

    QList<Request> requests;

protected:
    void requestPage(hm::client::ApiClient &, int page, int size, PageCallback done) override
    {
        requests << Request{page, size, std::move(done)};
    }
    QString idOf(const TestItem &item) const override { return item.id; }
    QVariant cellData(const TestItem &item, int column, int role) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        return column == 0 ? item.id : item.name;
    }
};

// A paged list (pages of two) with a client, under the tester.
struct TestedPages
{
    explicit TestedPages(hm::client::ApiClient *client)
    {
        model.setPageSize(2);
        model.setClient(client);
    }
    TestPages model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

} // namespace

class TestRemoteListModel : public QObject
{
    Q_OBJECT

private:
    hm::client::ApiClient m_client; // never asked: TestPages answers

private slots:
    void pagesToTheEnd()
    {
        TestPages model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(2);
        QVERIFY(!model.canFetchMore({})); // no client: nothing to ask
        model.setClient(&m_client);
        QCOMPARE(model.state(), RemoteListModel::State::Idle);
        QVERIFY(!model.canFetchMore({})); // a paged list waits for reload()
        QVERIFY(model.requests.isEmpty());

        model.reload();
        QCOMPARE(model.state(), RemoteListModel::State::Loading);
        QCOMPARE(model.requests.size(), 1);
        QCOMPARE(model.requests[0].page, 1);
        QCOMPARE(model.requests[0].size, 2);
        model.answer(0, 0, 1, 5);
        QCOMPARE(model.state(), RemoteListModel::State::Ready);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.totalCount(), 5);

        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.requests.size(), 2);
        QCOMPARE(model.requests[1].page, 2);
        // A row created meanwhile pushed the pages down: the page brings
        // item 1 again, which is not shown twice.
        model.answer(1, 1, 3, 5);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.nameAt(2), QStringLiteral("Item 2"));
        QCOMPARE(model.nameAt(3), QStringLiteral("Item 3"));
        // The tester saw the rows go in and asked nothing meanwhile.
        QCOMPARE(model.requests.size(), 2);
        model.fetchMore({});
        QCOMPARE(model.requests.size(), 3);
        QCOMPARE(model.requests[2].page, 3);
        model.answer(2, 4, 4, 5);
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(!model.canFetchMore({})); // the end
        model.fetchMore({});
        QCOMPARE(model.requests.size(), 3);
        QCOMPARE(model.rowOf(QStringLiteral("id-4")), 4);
        QCOMPARE(model.item(4)->name, QStringLiteral("Item 4"));
        QCOMPARE(model.item(5), nullptr);
    }

    void fetchMoreWhileAPageIsOnItsWayDoesNothing()
    {
        TestedPages pages(&m_client);
        TestPages &model = pages.model;
        model.reload();
        QVERIFY(model.isFetching());
        QVERIFY(!model.canFetchMore({})); // the first page is on its way
        model.fetchMore({});
        QCOMPARE(model.requests.size(), 1);
        model.answer(0, 0, 1, 6);

        model.fetchMore({});
        QCOMPARE(model.requests.size(), 2);
        QVERIFY(model.isFetching());
        QVERIFY(!model.canFetchMore({}));
        model.fetchMore({});
        model.fetchMore({});
        QCOMPARE(model.requests.size(), 2);
        // The tester asks on every change it sees, the model once a page.
        model.answer(1, 2, 3, 6);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.requests.size(), 2);
        QVERIFY(!model.isFetching());
        model.fetchMore({});
        QCOMPARE(model.requests.size(), 3);
        QCOMPARE(model.requests[2].page, 3);
        QVERIFY(model.isFetching());
        model.fetchMore({});
        QCOMPARE(model.requests.size(), 3);
        model.answer(2, 4, 5, 6);
        QCOMPARE(model.rowCount(), 6);
        QVERIFY(!model.isFetching());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.requests.size(), 3);
    }

    void staleAnswerAfterAResetIsDropped()
    {
        TestedPages pages(&m_client);
        TestPages &model = pages.model;
        model.reload();
        model.reload(); // a new search: the first answer is for the old one
        QCOMPARE(model.requests.size(), 2);
        model.answer(0, 0, 1, 10);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.state(), RemoteListModel::State::Loading);
        QVERIFY(model.isFetching());
        model.answer(1, 5, 6, 10);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.nameAt(0), QStringLiteral("Item 5"));

        // A later page asked before a reset (signed out) comes after it.
        model.fetchMore({});
        QCOMPARE(model.requests.size(), 3);
        model.reset();
        QCOMPARE(model.state(), RemoteListModel::State::Idle);
        model.answer(2, 7, 8, 10);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.state(), RemoteListModel::State::Idle);
        QCOMPARE(model.totalCount(), 0);
        // A failure for the old rows says nothing either.
        QSignalSpy failed(&model, &RemoteListModel::fetchFailed);
        model.reload();
        model.reload();
        model.fail(3);
        QCOMPARE(model.state(), RemoteListModel::State::Loading);
        QCOMPARE(failed.size(), 0);
    }

    void errorThenRetry()
    {
        TestedPages pages(&m_client);
        TestPages &model = pages.model;
        QSignalSpy states(&model, &RemoteListModel::stateChanged);
        QSignalSpy failed(&model, &RemoteListModel::fetchFailed);
        model.reload();
        model.fail(0);
        QCOMPARE(model.state(), RemoteListModel::State::Failed);
        QCOMPARE(model.lastError().code, hm::ErrorCode::NetworkError);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(states.last().at(0).value<RemoteListModel::State>(),
                 RemoteListModel::State::Failed);

        // Retry: the first page again.
        model.reload();
        QCOMPARE(model.state(), RemoteListModel::State::Loading);
        QCOMPARE(model.requests.size(), 2);
        QCOMPARE(model.requests[1].page, 1);
        model.answer(1, 0, 1, 4);
        QCOMPARE(model.state(), RemoteListModel::State::Ready);
        QCOMPARE(model.rowCount(), 2);

        // A later page fails: the rows stay, fetchFailed says so, and the
        // next fetchMore asks that page again.
        model.fetchMore({});
        model.fail(2);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(model.state(), RemoteListModel::State::Ready);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.requests[3].page, 2);
        model.answer(3, 2, 3, 4);
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(!model.canFetchMore({}));
    }

    void liveChangesById()
    {
        TestedPages pages(&m_client);
        TestPages &model = pages.model;
        model.reload();
        model.answer(0, 1, 2, 4);
        QCOMPARE(model.totalCount(), 4);

        // Created elsewhere: first, counted.
        model.insertItem(0, TestPages::make(0));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(QStringLiteral("id-0")), 0);
        QCOMPARE(model.totalCount(), 5);

        // Edited: its row changes, every column.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const int row = model.rowOf(QStringLiteral("id-2"));
        QCOMPARE(row, 2);
        model.replaceItem(row, {QStringLiteral("id-2"), QStringLiteral("Renamed")});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0].at(0).toModelIndex(), model.index(2, 0));
        QCOMPARE(changed[0].at(1).toModelIndex(), model.index(2, 1));
        QCOMPARE(model.nameAt(2), QStringLiteral("Renamed"));

        // Deleted: gone, uncounted.
        model.removeItem(model.rowOf(QStringLiteral("id-1")));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("id-1")), -1);
        QCOMPARE(model.totalCount(), 4);

        // The next page brings the inserted row again: not twice.
        model.fetchMore({});
        TestPage page;
        page.items = {TestPages::make(0), TestPages::make(3), TestPages::make(4)};
        page.page = 2;
        page.total = 5;
        model.requests[1].done(page);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.nameAt(3), QStringLiteral("Item 4"));
        QCOMPARE(model.totalCount(), 5);
        // Rows seen stay short of the server's total, and a row that left
        // may have pulled an unseen one forward: the model asks once more,
        // and an empty answer ends the list without losing a row.
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.requests.size(), 3);
        TestPage end;
        end.page = model.requests[2].page;
        end.total = 4;
        model.requests[2].done(end);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.rowOf(QStringLiteral("id-0")), 0);
        QVERIFY(!model.canFetchMore({}));
    }

    // A row the model shows that the server no longer counts (deleted
    // there, and no event said so) leaves the model with more rows than the
    // server's total. The last page must still end the list: the model once
    // asked for that page again and again, each answer bringing rows it had
    // (the Alerts list ran into the rate limit this way).
    void staleRowsDoNotAskForTheLastPageAgain()
    {
        TestedPages pages(&m_client);
        TestPages &model = pages.model;
        model.reload();
        model.answer(0, 0, 1, 5);
        // A live row where the server's order puts it, among the loaded
        // ones.
        model.insertItem(0, TestPages::make(100), true);
        QCOMPARE(model.totalCount(), 6);
        model.fetchMore({});
        QCOMPARE(model.requests.size(), 2);
        QCOMPARE(model.requests[1].page, 2);
        // It was deleted on the server meanwhile, unannounced: five rows.
        model.answer(1, 2, 3, 5);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.requests.size(), 3);
        QCOMPARE(model.requests[2].page, 3);
        model.answer(2, 4, 4, 5);
        QCOMPARE(model.rowCount(), 6);
        QVERIFY(!model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.requests.size(), 3);
        // The next reload starts from the server's rows.
        model.reload();
        model.answer(3, 0, 1, 5);
        QCOMPARE(model.rowOf(QStringLiteral("id-100")), -1);
    }

    // A row that leaves while a page is on its way may have pulled an
    // unseen row in front of that page: the model asks once more from where
    // it knew to be, gets the row, and then stops.
    void rowLeavingWhileAPageIsOnItsWayIsNotSkipped()
    {
        TestedPages pages(&m_client);
        TestPages &model = pages.model;
        model.reload();
        model.answer(0, 0, 1, 5); // rows 0, 1 of 0..4
        model.fetchMore({});
        QCOMPARE(model.requests[1].page, 2);
        // Row 1 is deleted while page 2 is asked for: the server's page 2
        // now holds rows 3 and 4, and row 2 moved to page 1.
        model.removeItem(model.rowOf(QStringLiteral("id-1")));
        TestPage second;
        second.items = {TestPages::make(3), TestPages::make(4)};
        second.page = 2;
        second.size = 2;
        second.total = 4;
        model.requests[1].done(second);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.requests.size(), 3);
        QCOMPARE(model.requests[2].page, 1);
        TestPage first;
        first.items = {TestPages::make(0), TestPages::make(2)};
        first.page = 1;
        first.size = 2;
        first.total = 4;
        first.hasNext = true;
        model.requests[2].done(first);
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(model.rowOf(QStringLiteral("id-2")) >= 0);
        // Page 2 again (rows 3 and 4, seen) and the list ends.
        model.fetchMore({});
        QCOMPARE(model.requests.size(), 4);
        QCOMPARE(model.requests[3].page, 2);
        model.requests[3].done(second);
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(!model.canFetchMore({}));
    }

    void wholeListAsksLazilyAndKeepsRowsWhileReloading()
    {
        TestPages model(TestPages::whole());
        QVERIFY(!model.canFetchMore({})); // no client
        model.setClient(&m_client);
        QCOMPARE(model.state(), RemoteListModel::State::Idle);
        QVERIFY(model.requests.isEmpty()); // nothing until a view wants rows
        QVERIFY(model.canFetchMore({}));
        // The tester, as a view, asks for them.
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.requests.size(), 1);
        QCOMPARE(model.state(), RemoteListModel::State::Loading);
        QVERIFY(!model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.requests.size(), 1);
        model.answer(0, 0, 2, 3);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.state(), RemoteListModel::State::Ready);
        QVERIFY(!model.canFetchMore({})); // one answer holds every row

        // Reloading keeps the rows until the answer replaces them; a row
        // that came meanwhile is the answer's to keep or drop.
        model.reload();
        QCOMPARE(model.state(), RemoteListModel::State::Loading);
        QCOMPARE(model.rowCount(), 3);
        model.insertItem(3, TestPages::make(9));
        model.answer(1, 1, 2, 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.nameAt(0), QStringLiteral("Item 1"));
        QCOMPARE(model.rowOf(QStringLiteral("id-9")), -1);

        // A failed reload: Failed, rows kept; a reload again recovers.
        model.reload();
        model.fail(2);
        QCOMPARE(model.state(), RemoteListModel::State::Failed);
        QCOMPARE(model.rowCount(), 2);
        model.reload();
        model.answer(3, 0, 0, 1);
        QCOMPARE(model.state(), RemoteListModel::State::Ready);
        QCOMPARE(model.rowCount(), 1);

        // A reset (signed out and in again) with a view on the model: the
        // view asks at once, and the state says so (not Idle).
        QSignalSpy states(&model, &RemoteListModel::stateChanged);
        model.reset();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.requests.size(), 5);
        QCOMPARE(model.state(), RemoteListModel::State::Loading);
        QCOMPARE(states.last().at(0).value<RemoteListModel::State>(),
                 RemoteListModel::State::Loading);
        model.answer(4, 0, 1, 2);
        QCOMPARE(model.rowCount(), 2);
    }

    void newClientAsksAtOnce()
    {
        // The audit and log lists start over with each client.
        TestPages model(TestPages::askingOnClient());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy states(&model, &RemoteListModel::stateChanged);
        model.setClient(&m_client);
        QCOMPARE(model.state(), RemoteListModel::State::Loading);
        QCOMPARE(model.requests.size(), 1);
        model.answer(0, 0, 1, 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.state(), RemoteListModel::State::Ready);

        // Signed out: nothing shown, nothing asked. A new client: Loading
        // at once, without an Idle in between.
        model.setClient(nullptr);
        QCOMPARE(model.state(), RemoteListModel::State::Idle);
        QCOMPARE(model.rowCount(), 0);
        model.setClient(&m_client);
        model.setClient(&m_client);
        QCOMPARE(model.requests.size(), 3);
        QCOMPARE(states.size(), 4); // Loading, Ready, Idle, Loading
        QCOMPARE(states.last().at(0).value<RemoteListModel::State>(),
                 RemoteListModel::State::Loading);
        model.answer(1, 0, 0, 1); // for the client set before the last
        QCOMPARE(model.rowCount(), 0);
        model.answer(2, 0, 0, 1);
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRemoteListModel)
#include "TestRemoteListModel.moc"
