/** What TokPortal's answers about a video mean for the analytics operations that take a Video ID. */
export const VIDEO_ERRORS: Readonly<Record<string, string>> = {
	VIDEO_NOT_FOUND:
		'Video not found. Use the video_id of one of your posted videos (Analytics → Get Account Videos lists them).',
	ANALYTICS_NOT_FOUND:
		'This video has no analytics yet: it is not posted. Analytics start once the video is live on the platform (a video.published event).',
};
