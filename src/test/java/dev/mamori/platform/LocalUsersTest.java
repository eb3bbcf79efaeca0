package dev.mamori.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which accounts of a passwd(5) file the every-user service watches. */
class LocalUsersTest {

    @TempDir
    Path dir;

    @Test
    void onlyPeopleWhoLogInWithAHomeFolderAreWatchedAndAForeignEncodingLosesNobody() throws Exception {
        Path homes = Files.createDirectories(dir.resolve("home"));
        for (String name : new String[] {"taro", "hanako", "jiro", "svc", "yuki"}) {
            Files.createDirectories(homes.resolve(name));
        }
        ByteArrayOutputStream passwd = new ByteArrayOutputStream();
        String text = """
                # local accounts
                root:x:0:0:root:/root:/bin/bash
                daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
                taro:x:1000:1000:山田 太郎:%1$s/taro:/bin/bash
                hanako:x:1001:1001::%1$s/hanako:/usr/bin/zsh
                broken:x:abc
                nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
                ghost:x:1002:1002::%1$s/ghost:/bin/bash
                svc:x:1003:1003::%1$s/svc:/usr/sbin/nologin
                yuki:x:1005:1005::%1$s/yuki:
                """.formatted(homes);
        passwd.write(text.getBytes(StandardCharsets.UTF_8));
        // a comment field written in Latin-1 by an old tool: not UTF-8
        passwd.write(("jiro:x:1004:1004:Ren\u00e9:" + homes + "/jiro:/bin/sh\n").getBytes(StandardCharsets.ISO_8859_1));
        Path file = dir.resolve("passwd");
        Files.write(file, passwd.toByteArray());

        assertThat(LocalUsers.read(file)).extracting(LocalUser::name)
                .as("system accounts, nobody, no-login shells, missing homes and malformed lines left out; an empty shell is sh")
                .containsExactly("taro", "hanako", "yuki", "jiro");
        assertThat(LocalUsers.read(file).get(0)).isEqualTo(new LocalUser("taro", 1000, homes.resolve("taro")));
        assertThat(LocalUsers.nameOf(file, 1003)).as("any account, for naming a file's owner").contains("svc");
        assertThat(LocalUsers.nameOf(file, 4242)).isEmpty();
    }
}
