#pragma once

#include "client/ApiTypes.h"
#include "fleet/ProbeDialog.h"
#include "widgets/LocalizedText.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QPushButton;
class QStackedWidget;
class QTableView;

namespace hm {
struct Error;
}
namespace hm::client {
class ApiClient;
struct ProbeRow;
} // namespace hm::client

namespace hm::app {

class ProbeModel;
class SectionEmptyState;

// The Probes tab of the Alerts section (issue 35, "Probes"): what the
// agents check besides their own machine (HTTP(S) URLs, TCP ports, pings),
// which administrators add, change and delete (the probe dialog; others
// see why the buttons are off). The list follows the server live: the page
// hands in /ws/events' probe_* messages and the nodes' names.
class ProbesTab final : public QWidget
{
    Q_OBJECT

public:
    explicit ProbesTab(QWidget *parent = nullptr);

    void setSession(client::ApiClient *client, const client::UserInfo &user);
    // Node id -> name: the "Runs on" column and the dialog's node choice.
    void setNodeNames(const QHash<QString, QString> &names);
    // A /ws/events message; anything but probe_* is ignored.
    void applyEvent(const QString &type, const QJsonObject &data);
    void reload();

    ProbeModel *model() const { return m_model; }
    SectionEmptyState *emptyState() const { return m_empty; }
    // What the page's state line says while this tab shows.
    QString stateText() const;

signals:
    // A passing word for the page's state line: a failure ("bad").
    // Kept as the way to say it: the page says it again in a new language.
    void message(const hm::app::LocalizedText &text, const QString &tone);
    // The list or the actions changed (the state line follows).
    void stateChanged();

public slots:
    void newProbe();
    void editProbe();
    void deleteProbe();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateActions();
    void showState();
    bool isAdmin() const;
    const client::ProbeRow *selectedProbe() const;
    // The nodes a probe may run on, by name.
    ProbeDialog::NodeNames nodeChoices() const;
    // `what` takes the error's description as %1.
    void failed(std::function<QString()> what, const hm::Error &error);

    QPointer<client::ApiClient> m_client;
    client::UserInfo m_me;
    QHash<QString, QString> m_nodeNames;
    ProbeModel *m_model = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_view = nullptr;
    SectionEmptyState *m_empty = nullptr;
};

} // namespace hm::app
