#pragma once

#include "client/NodeTypes.h"

#include <QFrame>
#include <QPointer>
#include <QTimer>

class QGridLayout;
class QLabel;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The Dashboard's fleet card (issue 35, item 3; seed 000's node
// statistics): how many nodes are online, offline and waiting to enrol,
// the averages over the online ones and the top consumers of CPU, memory,
// disk and network, from GET /nodes/summary. Read when shown, every 30
// seconds while visible (seed 000's refresh) and shortly after a node
// event. Named `dashboard.fleet.*`.
class FleetCard final : public QFrame
{
    Q_OBJECT

public:
    explicit FleetCard(QWidget *parent = nullptr);

    void setClient(client::ApiClient *client);
    // A node changed (an event): read again soon, once per burst.
    void nodeChanged() { m_debounce.start(); }

    bool hasSummary() const { return m_loaded; }
    const client::FleetSummary &summary() const { return m_summary; }

    static constexpr int kTopCount = 3;

public slots:
    void reload();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    enum TopList
    {
        Cpu,
        Memory,
        Disk,
        Network,
        TopListCount
    };
    void retranslateUi();
    void fill();

    QPointer<client::ApiClient> m_client;
    client::FleetSummary m_summary;
    bool m_loaded = false;
    QString m_error;
    quint64 m_generation = 0;
    QTimer m_periodic;
    QTimer m_debounce;

    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_counts[4] = {}; // online, offline, pending, total
    QLabel *m_captions[4] = {};
    QLabel *m_averages = nullptr;
    QLabel *m_topTitles[TopListCount] = {};
    QLabel *m_topLists[TopListCount] = {};
    QWidget *m_details = nullptr;
};

} // namespace hm::app
