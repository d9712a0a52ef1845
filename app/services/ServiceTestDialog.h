#pragma once

#include "client/ServicesApi.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QWidget;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Test call: pick an endpoint, fill its parameters (an editor per
// parameter by its type: text, number, true/false, one of an enum) and the
// JSON body, Send; the service's answer — status, headers, the body
// (pretty JSON when it is JSON) — or the error with its code and message.
class ServiceTestDialog final : public QDialog
{
    Q_OBJECT

public:
    ServiceTestDialog(client::ApiClient *client, const client::ServiceInfo &service,
                      const QString &role, QWidget *parent = nullptr);

    // Picks an endpoint by id (false when it is not offered).
    bool selectEndpoint(const QString &endpointId);
    bool isSending() const { return m_sending; }
    // The parameter editor of `in`/`name` (objectName
    // "services.test.param.<in>.<name>").
    QWidget *parameterEditor(const QString &in, const QString &name) const;

public slots:
    void send();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void buildForm();
    void showResult();
    const client::ServiceEndpoint *current() const;

    QPointer<client::ApiClient> m_client;
    client::ServiceInfo m_service;
    QString m_role;
    QList<client::ServiceEndpoint> m_endpoints; // active ones
    QLabel *m_endpointLabel = nullptr;
    QComboBox *m_endpoint = nullptr;
    QLabel *m_paramsTitle = nullptr;
    QWidget *m_paramsBox = nullptr;
    QFormLayout *m_params = nullptr;
    QLabel *m_bodyLabel = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_inputError = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_close = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_headers = nullptr;
    QPlainTextEdit *m_response = nullptr;
    std::optional<client::ServiceCallResult> m_result;
    std::optional<hm::Error> m_error;
    bool m_sending = false;
};

} // namespace hm::app
