#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hm::app {

// Asks for one name in a node's folder: "New folder" and "Rename". A name
// is one path component: not empty, no '/', not "." or ".."; the dialog
// says why OK is off. Opened through DialogSeam. Named `nodes.files.name*`.
class NodeFileNameDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Purpose
    {
        NewFolder,
        Rename
    };
    NodeFileNameDialog(Purpose purpose, const QString &folder, const QString &current,
                       QWidget *parent = nullptr);

    QString name() const;
    // Empty when `name` is fine, else why not (translated).
    static QString problem(const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();

    Purpose m_purpose;
    QString m_folder;
    QString m_current;
    QLabel *m_text = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
