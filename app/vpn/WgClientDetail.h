#pragma once

#include "client/WireGuardTypes.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTableView;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class WgEndpointModel;
class WgTrafficChart;

// Under the clients' table: the selected client's traffic from the
// server's history (a chart of bytes received and sent per bucket over a
// range from an hour to a year, the server picking the tier), what it
// carried in that range and in all, and where it connected from. With no
// client selected it shows the server's clients summed. Reads again when
// the range or the client changes and every minute while visible; hidden,
// it asks nothing. Named `vpn.detail.*`.
class WgClientDetail final : public QWidget
{
    Q_OBJECT

public:
    enum class Range
    {
        Hour1,
        Day1,
        Days7,
        Days30,
        Year1
    };
    static constexpr int kRangeCount = 5;
    static qint64 rangeMs(Range range);

    explicit WgClientDetail(QWidget *parent = nullptr);
    ~WgClientDetail() override;

    void setSession(client::ApiClient *client);
    // 0: no server (nothing to show).
    void setServer(qint64 serverId, const QString &name);
    // 0: the server's clients summed.
    void setClient(qint64 clientId, const QString &name);
    qint64 clientId() const { return m_clientId; }
    void setRange(Range range);
    Range range() const;

    // The last request sent (for tests: the range asked for).
    const client::WgTrafficQuery &lastQuery() const { return m_query; }
    bool isLoading() const { return m_loading; }
    bool endpointsLoaded() const { return m_endpointsLoaded; }
    // Whether the minute's re-read is armed (only while visible).
    bool isRefreshing() const { return m_refresh.isActive(); }

    // What an answer of the server shows, for the range of lastQuery().
    // The reads call them; tests and screenshots feed answers a
    // config-only server cannot give (no tunnel carries bytes there).
    void showTraffic(const client::WgTraffic &traffic);
    void showEndpoints(const QList<client::WgEndpointSeen> &endpoints);
    WgTrafficChart *chart() const { return m_chart; }
    WgEndpointModel *endpoints() const { return m_endpoints; }

public slots:
    void reload();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void retranslateUi();
    void showState();
    void targetChanged();
    QString noTrafficText() const;

    QPointer<client::ApiClient> m_client;
    qint64 m_serverId = 0;
    QString m_serverName;
    qint64 m_clientId = 0;
    QString m_clientName;
    QLabel *m_title = nullptr;
    QLabel *m_rangeLabel = nullptr;
    QComboBox *m_range = nullptr;
    QLabel *m_totals = nullptr;
    WgTrafficChart *m_chart = nullptr;
    QLabel *m_endpointsTitle = nullptr;
    QStackedWidget *m_endpointsStack = nullptr;
    QTableView *m_endpointsView = nullptr;
    QLabel *m_endpointsMessage = nullptr;
    WgEndpointModel *m_endpoints = nullptr;
    client::WgTrafficQuery m_query;
    QString m_error;
    QString m_endpointsError;
    bool m_loading = false;
    bool m_loaded = false; // the chart holds this target's and range's answer
    bool m_endpointsLoaded = false;
    quint64 m_generation = 0;
    QTimer m_refresh;
};

} // namespace hm::app
