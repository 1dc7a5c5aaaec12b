package org.opd.notifier.channel.push;

import org.opd.notifier.channel.SendException;

/** Where the bearer access token of FCM requests comes from. */
interface AccessTokens {

    /** A token valid for at least the next request. */
    String current() throws SendException;
}
