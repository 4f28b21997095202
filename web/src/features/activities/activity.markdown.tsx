import { Anchor, Badge, Typography } from "@mantine/core";
import Markdown, { defaultUrlTransform } from "react-markdown";

/** Raw HTML is never rendered (react-markdown's default); `mention:` links become name badges. */
const keepMentions = (url: string) => (url.startsWith("mention:") ? url : defaultUrlTransform(url));

export function ActivityMarkdown(props: { text: string }) {
  return (
    <Typography fz="sm" style={{ wordBreak: "break-word" }}>
      <Markdown
        urlTransform={keepMentions}
        components={{
          a: ({ href, children }) =>
            href?.startsWith("mention:") ? (
              <Badge component="span" variant="light" radius="sm" tt="none" data-user-id={href.slice("mention:".length)}>
                {children}
              </Badge>
            ) : (
              <Anchor href={href} target="_blank" rel="noreferrer noopener">{children}</Anchor>
            ),
          img: ({ alt }) => <span>{alt}</span>,
        }}
      >
        {props.text}
      </Markdown>
    </Typography>
  );
}
