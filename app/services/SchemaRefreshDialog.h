#pragma once

#include "client/ServicesApi.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Refresh schema: the document read again as a dry run, its diff with the
// stored endpoints (added, changed with what changed, removed — each with
// an icon, a word and a colour), and Apply to store it.
class SchemaRefreshDialog final : public QDialog
{
    Q_OBJECT

public:
    SchemaRefreshDialog(client::ApiClient *client, const client::ServiceInfo &service,
                        const QString &role, QWidget *parent = nullptr);

    bool isBusy() const { return m_busy; }
    bool hasDiff() const { return m_diff.has_value(); }
    QTreeWidget *diffTree() const { return m_tree; }
    // The answer of the applied refresh (after Accepted).
    const client::SchemaRefresh &result() const { return *m_diff; }

public slots:
    void compare();
    void apply();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showDiff();

    QPointer<client::ApiClient> m_client;
    client::ServiceInfo m_service;
    QString m_role;
    QLabel *m_state = nullptr;
    QTreeWidget *m_tree = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_close = nullptr;
    std::optional<client::SchemaRefresh> m_diff;
    QString m_error;
    bool m_busy = false;
};

} // namespace hm::app
