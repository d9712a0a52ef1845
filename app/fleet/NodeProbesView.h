#pragma once

#include "client/NodeTypes.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <optional>

class QStackedWidget;
class QTableView;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class NodeProbeModel;
class SectionEmptyState;

// Node detail, "Probes": the probes that run on the selected node (those
// for all nodes, for it, or for a label it has) and what each found last
// (up or down, latency, certificate days, when), read from the node's
// recent history. While visible it reads again every 30 s; hidden, it asks
// nothing. Says so when the node's agent does not grant `probes` (it runs
// none then, whatever is defined). A node no probe covers offers an
// administrator "New probe...", the dialog set to run on this node. Named
// `nodes.probes*`.
class NodeProbesView final : public QWidget
{
    Q_OBJECT

public:
    explicit NodeProbesView(QWidget *parent = nullptr);

    // `role`: the user's; administrators may add probes from here.
    void setClient(client::ApiClient *client, const QString &role = {});
    // Null: no node. Reads at once when visible.
    void setNode(const client::NodeRow *node);
    NodeProbeModel *model() const { return m_model; }
    bool isLoading() const { return m_pending > 0; }

public slots:
    void reload();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void readResults(quint64 generation);
    void emptyAction();
    void newProbe();
    bool isAdmin() const;
    void showState();

    QPointer<client::ApiClient> m_client;
    QString m_role;
    std::optional<client::NodeRow> m_node;
    NodeProbeModel *m_model = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_view = nullptr;
    SectionEmptyState *m_empty = nullptr;
    QString m_error;
    bool m_loaded = false;
    int m_pending = 0;
    quint64 m_generation = 0;
    QTimer m_refresh;
};

} // namespace hm::app
