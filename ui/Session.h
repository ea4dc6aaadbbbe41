#pragma once

#include "core/ChangeFeed.h"
#include "core/domain/Organization.h"
#include "core/security/Actor.h"
#include "ui/DbWorker.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace crm {

class PgChangeListener;
class UndoHistory;

// The signed-in user and the process's connection to the store. Owns the change feed every
// connection of this process publishes to, the main worker (its connection is the prototype the
// views' own workers clone), and on PostgreSQL the listener that brings other processes' changes in.
// Lives on the GUI thread; the GUI thread itself holds no database connection.
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    ChangeFeed *feed() { return &m_feed; }
    DbWorker &worker() { return *m_worker; }
    QString location() const { return m_location; }
    const Actor &actor() const { return m_actor; }
    const User &user() const { return m_user; }
    bool isSignedIn() const { return m_actor.userId != 0; }

    struct SignInResult
    {
        Status status; // auth.invalid, auth.locked, auth.inactive, storage.unavailable, ...
        // Set when opening created the store's first administrator: the only moment its password exists.
        std::optional<QString> oneTimePassword;
    };
    // Opens the store on worker() (migrations, the first administrator of an empty store), checks
    // the password and resolves the user's permissions, all off the GUI thread. On success the
    // session is established. A session whose store failed to open cannot be reused: make another.
    void signIn(const QString &location, const QString &username, const QString &password,
                std::function<void(const SignInResult &)> done);
    // The location the worker's connection was opened on (empty before signIn()).
    QString openedLocation() const { return m_openedLocation; }
    // Changes the signed-in user's own password (a generated one must be replaced at first sign-in).
    void changeOwnPassword(const QString &password, std::function<void(const Status &)> done);
    // A new worker thread with its own connection to this store; ready to take jobs at once (they
    // queue behind the opening).
    std::unique_ptr<DbWorker> openWorker(const QString &name);
    // The connection of worker(), for openAnother() on other threads only.
    const Database *prototype() const { return m_worker->database(); }

    // Re-resolves the actor (role, scope, field rules) after an administrator changed them.
    void refreshActor();
    // The user's undo history (Edit > Undo): the views push the changes they make.
    UndoHistory &undoHistory() { return *m_undo; }

Q_SIGNALS:
    void actorChanged();

private:
    void establish(const QString &location, const User &user, const Actor &actor);
    void onChange(const Change &change);
    void startListener();

    ChangeFeed m_feed;
    std::unique_ptr<DbWorker> m_worker;
    std::unique_ptr<UndoHistory> m_undo;
    std::unique_ptr<DbWorker> m_listenerWorker; // PostgreSQL: owns the LISTEN connection
    PgChangeListener *m_listener = nullptr; // lives on m_listenerWorker's thread
    QString m_location;
    QString m_openedLocation;
    bool m_open = false;
    User m_user;
    Actor m_actor;
};

} // namespace crm
