#pragma once

#include "client/ServicesApi.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// An endpoint by hand, for services without an OpenAPI document: method,
// path template ({placeholders} become required path parameters), name,
// description, query parameters (name:type, ...), and an optional JSON
// Schema of the request body. OK stores it and closes when the server did.
class EndpointDialog final : public QDialog
{
    Q_OBJECT

public:
    EndpointDialog(client::ApiClient *client, const client::ServiceInfo &service,
                   const QString &role, QWidget *parent = nullptr);

    bool isSaving() const { return m_saving; }
    const client::ServiceEndpoint &endpoint() const { return m_endpoint; }

public slots:
    void save();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateOk();

    QPointer<client::ApiClient> m_client;
    client::ServiceInfo m_service;
    QString m_role;
    QLabel *m_methodLabel = nullptr;
    QLabel *m_pathLabel = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLabel *m_descriptionLabel = nullptr;
    QLabel *m_queryLabel = nullptr;
    QLabel *m_bodyLabel = nullptr;
    QComboBox *m_method = nullptr;
    QLineEdit *m_path = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QLineEdit *m_query = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_ok = nullptr;
    QPushButton *m_cancel = nullptr;
    client::ServiceEndpoint m_endpoint;
    bool m_saving = false;
};

} // namespace hm::app
