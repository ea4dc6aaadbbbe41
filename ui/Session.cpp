#include "ui/Session.h"

#include "core/services/FirstRun.h"
#include "core/services/OrgService.h"
#include "core/storage/PgChangeListener.h"
#include "ui/undo/UndoHistory.h"

#include <QLoggingCategory>

namespace crm {

Q_LOGGING_CATEGORY(lcSession, "crm.ui.session")

Session::Session(QObject *parent)
    : QObject(parent), m_worker(std::make_unique<DbWorker>(QStringLiteral("crm-db"))), m_undo(std::make_unique<UndoHistory>(*this))
{
    qRegisterMetaType<crm::Change>();
    connect(&m_feed, &ChangeFeed::changed, this, &Session::onChange, Qt::QueuedConnection);
}

Session::~Session()
{
    if (m_listenerWorker) {
        // Deleted on its thread, after the job that created it.
        m_listenerWorker->post([this] {
            delete m_listener;
            m_listener = nullptr;
        });
        m_listenerWorker.reset();
    }
    m_worker.reset();
}

void Session::signIn(const QString &location, const QString &username, const QString &password,
                     std::function<void(const SignInResult &)> done)
{
    auto authenticate = [this, location, username, password, done](const std::optional<QString> &oneTime) {
        struct Outcome
        {
            User user;
            Actor actor;
        };
        m_worker->run(
            this,
            [username, password](Database &db) -> Result<Outcome> {
                OrgService org(db);
                auto user = org.authenticate(username, password);
                if (!user)
                    return user.error();
                auto actor = org.actorFor(user->id, QStringLiteral("desktop"));
                if (!actor)
                    return actor.error();
                return Outcome{user.value(), actor.value()};
            },
            [this, location, done, oneTime](Result<Outcome> outcome) {
                if (outcome)
                    establish(location, outcome->user, outcome->actor);
                done(SignInResult{outcome ? Status() : Status(outcome.error()), oneTime});
            });
    };
    if (m_open) {
        authenticate(std::nullopt);
        return;
    }
    m_openedLocation = location;
    DatabaseOptions options;
    options.location = location;
    options.feed = &m_feed;
    m_worker->open(options, this, [this, authenticate, done](Status opened) {
        if (!opened) {
            done(SignInResult{opened, std::nullopt});
            return;
        }
        m_open = true;
        // An empty store gets its first administrator here, as every surface does (see FirstRun).
        m_worker->run(
            this, [](Database &db) { return FirstRun::ensureAdministrator(db); },
            [authenticate, done](Result<std::optional<QString>> admin) {
                if (!admin)
                    done(SignInResult{admin.error(), std::nullopt});
                else
                    authenticate(admin.value());
            });
    });
}

void Session::changeOwnPassword(const QString &password, std::function<void(const Status &)> done)
{
    const Actor actor = m_actor;
    const QString username = m_user.username;
    m_worker->run(
        this, [actor, username, password](Database &db) { return OrgService(db).setPassword(actor, username, password); },
        [this, done](Status st) {
            if (st)
                m_user.mustChangePassword = false;
            done(st);
        });
}

void Session::establish(const QString &location, const User &user, const Actor &actor)
{
    m_location = location;
    m_user = user;
    m_actor = actor;
    if (isPostgresLocation(location))
        startListener();
}

std::unique_ptr<DbWorker> Session::openWorker(const QString &name)
{
    auto worker = std::make_unique<DbWorker>(name);
    const Database *proto = prototype();
    worker->openAnother(proto, this, [name](Status st) {
        if (!st)
            qCWarning(lcSession) << "worker" << name << "cannot connect:" << st.error().message;
    });
    return worker;
}

void Session::startListener()
{
    // The listener needs its own connection and an event loop on that connection's thread.
    m_listenerWorker = openWorker(QStringLiteral("crm-listen"));
    DbWorker *w = m_listenerWorker.get();
    ChangeFeed *feed = &m_feed;
    w->post([this, w, feed] {
        if (!w->database())
            return;
        auto *listener = new PgChangeListener(*w->database(), feed);
        if (Status st = listener->start(); !st)
            qCWarning(lcSession) << "change listener:" << st.error().message;
        m_listener = listener;
    });
}

void Session::refreshActor()
{
    const qint64 userId = m_actor.userId;
    m_worker->run(
        this, [userId](Database &db) { return OrgService(db).actorFor(userId, QStringLiteral("desktop")); },
        [this](Result<Actor> actor) {
            if (!actor)
                return; // deactivated meanwhile: keep the old actor; the services refuse what it may no longer do
            m_actor = actor.value();
            Q_EMIT actorChanged();
        });
}

void Session::onChange(const Change &change)
{
    // Role, scope and team changes (a manager's scope follows the users reporting to them) apply
    // immediately to what the desktop shows.
    if (isSignedIn() && (change.entity == QLatin1String("role") || change.entity == QLatin1String("user")))
        refreshActor();
}

} // namespace crm
