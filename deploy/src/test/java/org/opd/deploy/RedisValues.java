package org.opd.deploy;

import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.JedisPooled;

/** What Redis holds under some keys, as text: every field and value of hashes, plain values as they are. */
final class RedisValues {

    private RedisValues() {
    }

    static List<String> every(JedisPooled redis, String... keys) {
        List<String> values = new ArrayList<>();
        for (String key : keys) {
            if ("hash".equals(redis.type(key))) {
                redis.hgetAll(key).forEach((field, value) -> values.add(field + "=" + value));
            } else if ("string".equals(redis.type(key))) {
                values.add(redis.get(key));
            }
        }
        return values;
    }
}
